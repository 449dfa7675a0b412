//! The built-in, illustrative "oneSource" dataset (format `golden-thread/1`).
//!
//! Modelled on five public oneSource Joint Committee reports (January 2018 to March 2022). What
//! follows those reports, and what is invented, is said exactly in [`DESCRIPTION`] (shown on the
//! Data page and the pack's cover); the file also says `"illustrative": true`, so every page
//! and every printed page says "Illustrative figures" wherever the file is opened.
//!
//! Output is deterministic: all variation comes from a fixed-seed PRNG.

use serde_json::{json, Map, Value};

pub(crate) const AS_OF: &str = "2019-12-31";

/// What the built-in data is: what follows the seed reports (`../shared/seeds/`) and what is
/// invented. Checked against them: themes and the count of areas (July 2019 Improvement Plan),
/// the four services with their own areas, the indicator counts, the services for one council
/// and the key strategic indicators (February 2020 Q2 indicators report), five priorities
/// with quarterly progress to Q3 2021/22 (March 2022 Strategy report). The reports name no
/// priority, area, action or project titles and no operational indicator; four services here
/// are not in them.
pub(crate) const DESCRIPTION: &str = "Illustrative figures: not real oneSource performance. \
Modelled on five public reports of the oneSource Joint Committee (2018–2022), the shared \
back-office service of the London Boroughs of Havering, Newham and Bexley. Following those \
reports: the Improvement Plan's four themes, its count of 45 areas and the four services with \
areas of their own; the indicator counts (4 key strategic indicators, reported yearly; 120 \
operational: 51 Newham, 60 Havering, 9 Bexley); the four key strategic indicators; the \
services for one council only and Bexley's parts of two services; five strategic priorities, \
reported quarterly up to Q3 2021/22. Invented for illustration: the titles of the priorities \
and areas, every action and project, the operational indicators' names, four of the thirteen \
services (Legal & Governance, Procurement, Business Services, Internal Audit & Anti-Fraud), \
which measures the councils report the same way (the ten shared definitions of Exchequer and \
Strategic Finance measures that the Compare page sets side by side), and every figure, target, \
status, date, owner and comment.";
const SEED: u64 = 0x0015_0C0E_2019_1231;

// ---------------------------------------------------------------------------------------------
// Small deterministic PRNG (SplitMix64) and helpers shared with `synthetic`.

#[derive(Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// A generator seeded from a fixed seed and a string (FNV-1a), so that each indicator or
    /// action gets its own stream and editing one does not reshuffle the rest.
    pub(crate) fn keyed(seed: u64, key: &str) -> Self {
        let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub(crate) fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub(crate) fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Rag {
    Green,
    Amber,
    Red,
}

/// The format's rule: green if the target is met; amber if missed by no more than the
/// tolerance (an amount in the indicator's unit); red otherwise.
pub(crate) fn rate(actual: f64, target: f64, higher: bool, tol: f64) -> Rag {
    let shortfall = if higher {
        target - actual
    } else {
        actual - target
    };
    if shortfall <= 1e-9 {
        Rag::Green
    } else if shortfall <= tol + 1e-9 {
        Rag::Amber
    } else {
        Rag::Red
    }
}

pub(crate) fn round_to(x: f64, dec: u32) -> f64 {
    let f = 10f64.powi(dec as i32);
    (x * f).round() / f
}

/// A number as JSON: an integer when there are no decimals.
pub(crate) fn num(x: f64, dec: u32) -> Value {
    if dec == 0 {
        json!(x.round() as i64)
    } else {
        json!(round_to(x, dec))
    }
}

/// An actual that rates `want` against `target`, and still does one rounding step either side
/// (so no rating sits on a knife-edge). `floor` keeps cumulative series from going backwards.
#[allow(clippy::too_many_arguments)]
pub(crate) fn make_actual(
    rng: &mut Rng,
    target: f64,
    higher: bool,
    tol: f64,
    dec: u32,
    max: f64,
    floor: f64,
    want: Rag,
) -> Option<f64> {
    let step = 10f64.powi(-(dec as i32));
    let dir = if higher { 1.0 } else { -1.0 };
    for _ in 0..80 {
        let dev = match want {
            Rag::Green => rng.range(0.05, 1.0) * tol.max(4.0 * step),
            Rag::Amber => -rng.range(0.2, 0.85) * tol,
            Rag::Red => -rng.range(1.25, 2.2) * tol,
        };
        let a = round_to((target + dir * dev).clamp(0.0, max), dec);
        let ok = |x: f64| rate(x, target, higher, tol) == want;
        if a >= floor
            && ok(a)
            && (a + step > max || ok(a + step))
            && (a - step < 0.0 || ok(a - step))
        {
            return Some(a);
        }
    }
    None
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// (year, month 1..=12) plus k months.
pub(crate) fn add_months((y, m): (i32, u32), k: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + k;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(crate) fn quarter_label(fy: i32, q: u32) -> String {
    format!("{}-{:02}-Q{}", fy, (fy + 1) % 100, q)
}

/// First calendar month of a financial-year quarter.
pub(crate) fn quarter_start(fy: i32, q: u32) -> (i32, u32) {
    match q {
        1 => (fy, 4),
        2 => (fy, 7),
        3 => (fy, 10),
        _ => (fy + 1, 1),
    }
}

fn thousands(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

const SMALL: [&str; 4] = ["two", "three", "four", "five"];
const WEEKS: [&str; 4] = ["two", "three", "four", "six"];

/// Text context: placeholders {items} {team} {m1} {m2} {m3} {n} {k} {K} {p} {w}.
struct Ctx<'a> {
    items: &'a str,
    team: &'a str,
    m1: String,
    m2: String,
    m3: String,
}

fn fill(t: &str, c: &Ctx, rng: &mut Rng) -> String {
    let mut s = t
        .replace("{items}", c.items)
        .replace("{team}", c.team)
        .replace("{m1}", &c.m1)
        .replace("{m2}", &c.m2)
        .replace("{m3}", &c.m3);
    if s.contains("{n}") {
        s = s.replace("{n}", &thousands(rng.int(12, 145) * 10));
    }
    if s.contains("{k}") || s.contains("{K}") {
        let k = *rng.pick(&SMALL);
        s = s.replace("{k}", k).replace("{K}", &cap(k));
    }
    if s.contains("{p}") {
        s = s.replace("{p}", &rng.int(6, 24).to_string());
    }
    if s.contains("{w}") {
        let w: &&str = rng.pick(&WEEKS);
        s = s.replace("{w}", w);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Councils and services.

const COUNCILS: [(&str, &str, &str, char); 3] = [
    ("havering", "London Borough of Havering", "LBH", 'H'),
    ("newham", "London Borough of Newham", "LBN", 'N'),
    ("bexley", "London Borough of Bexley", "LBB", 'B'),
];

fn council_ids(code: &str) -> Vec<&'static str> {
    COUNCILS
        .iter()
        .filter(|c| code.contains(c.3))
        .map(|c| c.0)
        .collect()
}

fn short(council: &str) -> &'static str {
    COUNCILS.iter().find(|c| c.0 == council).unwrap().2
}

struct Service {
    id: &'static str,
    name: &'static str,
    councils: &'static str,
    owner: &'static str,
    team: &'static str,
    items: &'static str,
}

const SERVICES: &[Service] = &[
    Service {
        id: "strategic-finance",
        name: "Strategic Finance",
        councils: "HNB",
        owner: "Head of Strategic Finance",
        team: "finance business partnering",
        items: "returns",
    },
    Service {
        id: "exchequer",
        name: "Exchequer & Transactional Services",
        councils: "HNB",
        owner: "Head of Exchequer & Transactional Services",
        team: "accounts payable",
        items: "invoices",
    },
    Service {
        id: "ict",
        name: "ICT Services",
        councils: "HN",
        owner: "Director of ICT",
        team: "service desk",
        items: "incidents",
    },
    Service {
        id: "asset-management",
        name: "Asset Management",
        councils: "HN",
        owner: "Head of Asset Management",
        team: "building services",
        items: "jobs",
    },
    Service {
        id: "hr-od",
        name: "Human Resources & Organisational Development",
        councils: "HN",
        owner: "Director of HR & OD",
        team: "HR operations",
        items: "cases",
    },
    Service {
        id: "legal",
        name: "Legal & Governance",
        councils: "HN",
        owner: "Director of Legal & Governance",
        team: "information governance",
        items: "requests",
    },
    Service {
        id: "procurement",
        name: "Procurement",
        councils: "HN",
        owner: "Head of Procurement",
        team: "category management",
        items: "procurements",
    },
    Service {
        id: "business-services",
        name: "Business Services (Customer & Business Support)",
        councils: "HN",
        owner: "Head of Business Services",
        team: "business support",
        items: "cases",
    },
    Service {
        id: "audit",
        name: "Internal Audit & Anti-Fraud",
        councils: "HN",
        owner: "Head of Assurance",
        team: "internal audit",
        items: "audits",
    },
    Service {
        id: "council-tax-benefits",
        name: "Council Tax and Benefits",
        councils: "H",
        owner: "Head of Revenues & Benefits",
        team: "benefits assessment",
        items: "claims",
    },
    Service {
        id: "passenger-transport",
        name: "Passenger Transport",
        councils: "H",
        owner: "Passenger Transport Services Manager",
        team: "transport planning",
        items: "journeys",
    },
    Service {
        id: "technical-services",
        name: "Technical Services",
        councils: "H",
        owner: "Head of Technical Services",
        team: "highways inspection",
        items: "defects",
    },
    Service {
        id: "projects-programmes",
        name: "Projects and Programmes",
        councils: "N",
        owner: "Head of Projects and Programmes",
        team: "project management",
        items: "projects",
    },
];

fn service(id: &str) -> &'static Service {
    SERVICES
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("unknown service {id}"))
}

// ---------------------------------------------------------------------------------------------
// Exception-report text banks, per service: (reasons, remedial actions, green commentary).

type Bank = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

fn bank(service: &str) -> Bank {
    match service {
        "exchequer" => (
            &[
                "{K} long-term vacancies in the {team} team during {m1}, leaving a backlog of {n} {items}.",
                "Data cleansing after the move to the new Oracle payables module in {m1} held up processing for about {w} weeks.",
                "Around {p}% of {items} arrived without a purchase order and had to be sent back to services for approval.",
                "Slow approval by services in the workflow: {n} {items} were waiting for a budget holder at the end of {m1}.",
                "A batch of {n} {items} from one large supplier was disputed and held until credit notes arrived.",
                "Volumes up around {p}% on the same quarter last year with no increase in staff in the {team} team.",
                "Staff in the {team} team were diverted to external audit queries for most of {m1}.",
            ],
            &[
                "Agency staff in post from {m2}; backlog to be cleared by the end of {m3}.",
                "Automated matching switched back on in {m2} after the supplier data cleanse; recovery expected in {m3}.",
                "'No purchase order, no pay' to be enforced from {m2}, as agreed with the s151 officers.",
                "Weekly reminders to budget holders with {items} awaiting approval, escalating to directors after ten days, from {m2}.",
                "Account reconciled with the supplier in {m2}; the disputed {items} will be settled by the end of {m3}.",
                "Daily work allocation by the {team} manager and a weekly backlog report to the Head of Exchequer from {m2}.",
                "Overtime authorised for the {team} team for {k} weeks from {m2}; position to be reviewed at the end of {m3}.",
            ],
            &[
                "Target met.",
                "On target; volumes {p}% up on last year but handled within existing staff.",
                "Improved on last quarter after the payables process review.",
                "Target met; automated matching now covers most {items}.",
            ],
        ),
        "strategic-finance" => (
            &[
                "Budget-setting and savings work took priority in {m1}; {k} {items} went out after the deadline.",
                "{K} finance business partner posts were vacant for the quarter and the remaining team covered the work.",
                "Late grant determinations from central government in {m1} delayed the {items} for the affected services.",
                "Ledger access was lost for {k} working days during the Oracle patch in {m1}, so the month-end timetable slipped.",
                "Changes to the capital programme in {m1} meant the {items} had to be reworked before release.",
            ],
            &[
                "Section 151 officers agreed to drop {k} low-value returns so the team can focus on monthly monitoring.",
                "Interim finance business partner starts in {m2}; permanent recruitment closes in {m3}.",
                "The affected {items} were reissued in {m2}; grant assumptions are now confirmed with services before month end.",
                "Oracle patches now scheduled outside the month-end window, agreed with ICT from {m2}.",
                "Capital programme changes now frozen five working days before month end, from {m2}.",
            ],
            &[
                "Target met.",
                "All returns issued on time.",
                "On target; monitoring now includes risk-adjusted forecasts.",
            ],
        ),
        "ict" => (
            &[
                "A storage network failure in {m1} took core systems offline for most of a working day and created a spike of {n} {items}.",
                "{K} vacancies in the {team} team, with recruitment on hold until the ICT restructure was agreed.",
                "Demand was {p}% higher than the same quarter last year as the Windows 10 laptop rollout generated extra {items}.",
                "A third-party supplier missed its fix times on {k} priority {items}, which count against oneSource's SLA.",
                "Engineers were taken off routine {items} for {w} weeks in {m1} to apply urgent security patches.",
                "After the service desk tool upgrade in {m1}, some {items} were closed late in the system though fixed on time.",
            ],
            &[
                "Storage firmware upgraded and the supplier's root-cause report reviewed at the {m2} ICT board; the backlog was cleared by the end of {m3}.",
                "Interim engineers started in {m2}; the {team} backlog should be cleared by the end of {m3}.",
                "Self-service password reset goes live in {m2}, which should take about {p}% of contacts away from the desk.",
                "Service credits claimed from the supplier and fix times escalated at the {m2} contract review.",
                "Overtime agreed for {k} weekends from {m2} to clear the queue; staffing to be settled in the ICT restructure.",
                "Service desk tool reconfigured in {m2}; records corrected and the figure will be restated next quarter.",
            ],
            &[
                "Target met.",
                "On target; the self-service portal now handles around {p}% of requests.",
                "Performance held up during the laptop rollout.",
                "Above target; trend stable.",
            ],
        ),
        "asset-management" => (
            &[
                "The maintenance contractor lost {k} supervisors in {m1} and completed fewer {items} than scheduled.",
                "Access problems at {k} occupied buildings in {m1} meant visits had to be rebooked.",
                "The specialist contractor's framework call-off was not in place until late {m1}, so {items} were queued.",
                "Urgent works after the flooding at the civic centre in {m1} took the {team} team away from planned work.",
                "Parts for {k} plant items (boilers and lifts) were on long lead times from the manufacturer.",
            ],
            &[
                "Additional contractor teams booked for {m2} and {m3} to catch up the programme.",
                "Building managers to confirm access two weeks ahead; missed visits reported weekly to the Head of Asset Management.",
                "Call-off now signed; the contractor has committed to clearing the queued {items} by the end of {m2}.",
                "Programme re-phased and agreed with each council's property lead in {m2}.",
                "Interim controls put in place where plant is awaiting parts, with weekly checks until repaired.",
            ],
            &[
                "Target met.",
                "On target; contractor performance reviewed monthly.",
                "Good quarter despite the winter workload.",
            ],
        ),
        "hr-od" => (
            &[
                "{K} vacancies in the {team} team during {m1}; work was prioritised towards payroll deadlines.",
                "The move to the new HR system in {m1} meant some work was done twice.",
                "Managers in {k} services were slow to act on reminders in {m1}.",
            ],
            &[
                "Temporary HR adviser in post from {m2}; work to be caught up by the end of {m3}.",
                "Old system switched off in {m2}; all records are now kept in the new system.",
                "Reminders escalated to heads of service after two weeks, from {m2}.",
            ],
            &[
                "Target met.",
                "On target; managers are using the new self-service reports.",
                "Better than the same quarter last year.",
            ],
        ),
        "legal" => (
            &[
                "Requests were up {p}% on the same quarter last year, several of them large and complex.",
                "{K} experienced officers in the {team} team left in {m1}; replacements not in post until {m2}.",
                "Services were slow to return information: {n} pages of records were still outstanding from one directorate at the end of {m1}.",
                "A judicial review and {k} urgent injunctions took most of the senior lawyers' time in {m1}.",
                "A small number of complex cases ({k}) took most of the team's time in {m1}.",
            ],
            &[
                "Frequently requested data to be published online from {m2} to reduce repeat requests.",
                "Locum solicitor engaged from {m2} to clear the backlog by the end of {m3}.",
                "Information governance leads named in each directorate, with weekly chasers on overdue {items}, from {m2}.",
                "Backlog plan agreed with the Director of Legal & Governance: all overdue {items} answered by the end of {m3}.",
                "Case allocation reviewed weekly by the team leader; long cases to be split between two officers from {m2}.",
            ],
            &[
                "Target met.",
                "On target despite higher volumes.",
                "Improved on last quarter after the new tracking process.",
            ],
        ),
        "procurement" => (
            &[
                "{K} major procurements slipped past the quarter end while services revised specifications.",
                "The category manager post for construction was vacant during {m1}.",
                "Around {p}% of spend in the quarter went through one-off purchases outside the contract register.",
                "The contracts register migration in {m1} left {n} records incomplete.",
            ],
            &[
                "Procurement pipeline reviewed monthly with each directorate from {m2}.",
                "Interim category manager starts in {m2}.",
                "Off-contract spend reports sent to heads of service each month from {m2}, with the top suppliers targeted for new contracts.",
                "Contract managers asked to complete missing records by the end of {m3}; progress reported to the s151 officers.",
            ],
            &["Target met.", "On target.", "Improved after the contract register clean-up."],
        ),
        "business-services" => (
            &[
                "Volumes of {items} rose about {p}% in {m1} after service changes in the partner councils.",
                "{K} advisers on long-term sick leave in the {team} team.",
                "Responses waited on input from services: {n} {items} were with other departments at the end of {m1}.",
                "The new case-management workflow went live in {m1} and staff were still learning it.",
            ],
            &[
                "Two extra officers assigned to {items} from {m2} until volumes settle.",
                "Temporary staff from the councils' redeployment pools started in {m2}.",
                "Daily dashboard of open {items} shared with heads of service from {m2}.",
                "Refresher training on the new workflow for all advisers by the end of {m2}.",
            ],
            &["Target met.", "On target.", "Best quarter of the year so far."],
        ),
        "audit" => (
            &[
                "{K} auditor posts were vacant during {m1} and the contractor days were used on a special investigation.",
                "Services asked for {k} audits to be deferred because of restructures.",
                "Management actions depend on system changes that are not yet in place in {k} services.",
            ],
            &[
                "Contractor days bought for {m2} and {m3} to bring the plan back on track.",
                "Deferrals reported to each council's audit committee; revised plan agreed in {m2}.",
                "Overdue actions escalated to the relevant director, with follow-up at the {m2} audit committee.",
            ],
            &["Target met.", "On target."],
        ),
        "council-tax-benefits" => (
            &[
                "{K} experienced assessors left in {m1} and new starters are not yet signed off to work alone.",
                "Universal Credit notifications from DWP rose about {p}% in {m1}, creating a backlog of {n} {items}.",
                "The benefits system upgrade in {m1} took the system down for {k} working days.",
                "Many claimants did not send evidence in time; {n} {items} were suspended waiting for documents.",
                "Staff were moved to Council Tax recovery work during {m1}.",
            ],
            &[
                "New assessors' work checked by a senior assessor so they can work independently sooner; target date {m3}.",
                "Automated processing of Universal Credit notifications switched on in {m2}.",
                "Overtime and two agency assessors from {m2}; backlog expected to clear by the end of {m3}.",
                "Evidence reminders now sent by text message after seven days, from {m2}.",
                "Weekly backlog review by the Head of Revenues & Benefits until performance recovers.",
            ],
            &[
                "Target met.",
                "On target; automation of Universal Credit notifications is paying off.",
                "Best performance for this quarter in three years.",
            ],
        ),
        "passenger-transport" => (
            &[
                "Driver shortages in {m1}: {k} drivers left and agency cover was limited.",
                "{K} vehicles off the road for repairs, so some routes ran with hired minibuses.",
                "Roadworks on the A12 and A127 added journey time on morning school runs throughout {m1}.",
                "Route changes for new pupils in {m1} took longer to settle than planned.",
                "A shortage of passenger assistants in {m1} meant {k} routes started late while cover was found.",
                "Gas main works in Romford town centre disrupted traffic through {m1}.",
            ],
            &[
                "Recruitment campaign for drivers and passenger assistants launched in {m2}.",
                "Spare vehicles brought back into service in {m2}; hire arrangements ended.",
                "Routes re-planned to avoid the worst roadworks from {m2}, agreed with schools and parents.",
                "Weekly route performance review with the SEN transport team from {m2}.",
                "Pool of relief passenger assistants set up from {m2}.",
                "Diversion routes agreed with the contractor and schools told of revised pick-up times from {m2}.",
            ],
            &["Target met.", "On target; route planning changes are working.", "Good start to the school year."],
        ),
        "technical-services" => (
            &[
                "Prolonged heavy rain in {m1} produced {p}% more defects than forecast.",
                "The term contractor was short of {k} gangs during {m1}.",
                "The inspection vehicle was off the road for {w} weeks in {m1}.",
                "{K} highways inspector posts were vacant during the quarter.",
            ],
            &[
                "Extra gangs called off from the term contract for {m2} and {m3}.",
                "Contractor performance meeting held in {m2}; default notice issued for missed response times.",
                "Inspection routes re-planned and overtime agreed to catch up by the end of {m2}.",
                "Agency inspector engaged from {m2} while permanent recruitment runs.",
            ],
            &["Target met.", "On target.", "On target despite the weather."],
        ),
        "projects-programmes" => (
            &[
                "{K} schemes were delayed by contractor insolvency and had to be re-tendered.",
                "Planning conditions for {k} schemes took longer to discharge than expected.",
                "Inflation in construction costs of about {p}% pushed {k} schemes over their approved budgets.",
                "Client departments changed scope late on {k} schemes.",
            ],
            &[
                "Replacement contractor appointed through the framework in {m2}.",
                "Early discussion with planning officers on all new schemes from {m2}.",
                "Budgets reset at the {m2} capital board, with contingency moved to the affected schemes.",
                "Change control tightened: scope changes after design sign-off now need a director's approval.",
            ],
            &["Target met.", "On target.", "Programme on track."],
        ),
        other => panic!("no text bank for {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Operational indicator catalogue.

#[derive(Clone, Copy)]
enum Tol {
    Pct(f64),
    Abs(f64),
}

#[derive(Clone, Copy)]
struct Tpl {
    code: &'static str,
    num: u32,
    service: &'static str,
    name: &'static str,
    desc: &'static str,
    unit: &'static str,
    /// None: polarity "none" (data only).
    higher: Option<bool>,
    dec: u32,
    measure: &'static str,
    monthly: bool,
    tol: Option<Tol>,
    /// 2019/20 target (full-year value for cumulative measures).
    target: f64,
    /// Change in target from 2018/19 to 2019/20.
    stretch: f64,
    /// Council-to-council variation of the target.
    tweak: f64,
    /// Scale the target by council size.
    scale: bool,
    profile: [f64; 4],
    councils: &'static str,
    priority: &'static str,
    theme: &'static str,
    items: &'static str,
    team: &'static str,
    reasons: &'static [&'static str],
    remedies: &'static [&'static str],
}

const D: Tpl = Tpl {
    code: "",
    num: 0,
    service: "",
    name: "",
    desc: "",
    unit: "%",
    higher: Some(true),
    dec: 1,
    measure: "snapshot",
    monthly: false,
    tol: None,
    target: 90.0,
    stretch: 0.0,
    tweak: 0.0,
    scale: false,
    profile: [0.25, 0.5, 0.75, 1.0],
    councils: "HN",
    priority: "P1",
    theme: "T1",
    items: "",
    team: "",
    reasons: &[],
    remedies: &[],
};

const LOWER: Option<bool> = Some(false);

// Exception texts specific to particular indicators.
const DEBT_R: &[&str] = &[
    "{K} large debtors, including a housing association, disputed their invoices in {m1}.",
    "Recovery letters were not sent for {w} weeks in {m1} while the income module was upgraded.",
    "Services raised {n} invoices late in {m1}, many for care charges that are slower to collect.",
    "Debt recovery officer posts were vacant during {m1}, so fewer cases moved to legal action.",
];
const DEBT_M: &[&str] = &[
    "Disputed invoices escalated to the services concerned, with a decision required by the end of {m2}.",
    "Recovery letters run restarted in {m2}; missed stages caught up by the end of {m3}.",
    "Services reminded to raise invoices within five days of providing the service; late invoicing reported monthly from {m2}.",
    "Temporary recovery officer in post from {m2}.",
];

const PAYROLL_R: &[&str] = &[
    "{K} late changes from services (leavers and overtime) missed the payroll cut-off in {m1}.",
    "A pension contribution error affected {n} payslips in {m1}; all were corrected the following month.",
    "A payroll officer vacancy in {m1} meant fewer checks before the pay run.",
];
const PAYROLL_M: &[&str] = &[
    "Reminders of the payroll cut-off sent to managers three days beforehand from {m2}; late changes reported to directors.",
    "Pre-payroll validation report now run before every pay run (improvement plan area A09).",
    "Vacancy filled in {m2}; independent check of all manual payments restored.",
];

const BACS_R: &[&str] = &[
    "{K} suppliers still insist on cheques, mostly small local traders and foster carers' expenses.",
    "Cheques had to be issued in {m1} when {n} supplier bank details failed verification.",
];
const BACS_M: &[&str] = &[
    "Suppliers paid by cheque contacted in {m2} to move them to BACS; foster carers offered prepaid cards.",
    "Supplier bank details verification moved earlier in the set-up process from {m2}.",
];

const HR02_R: &[&str] = &[
    "Appraisals in {k} front-line services were postponed because of operational pressures in {m1}.",
    "Managers recorded appraisals late in the new HR system; about {p}% were done on paper first.",
];
const HR02_M: &[&str] = &[
    "Directors given monthly lists of outstanding appraisals from {m2}.",
    "Guidance on recording appraisals in the HR system reissued in {m2}; paper forms no longer accepted.",
];

const HR03_R: &[&str] = &[
    "Hiring managers returned {p}% of shortlists late in {m1}.",
    "The move to the new e-recruitment system in {m1} meant running two systems side by side.",
    "{K} senior campaigns needed a second round of interviews.",
];
const HR03_M: &[&str] = &[
    "Hiring manager guidance reissued and late shortlists escalated to heads of service from {m2}.",
    "Old recruitment system switched off in {m2}; all campaigns now in the new system.",
    "Interview dates now fixed when the advert is placed, from {m2}.",
];

const HR05_R: &[&str] = &[
    "Delays in the national DBS service in {m1} affected {n} applications across London, ours among them.",
    "Applicants' identity documents were missing or out of date for about {p}% of checks.",
];
const HR05_M: &[&str] = &[
    "DBS delays escalated through the DBS account manager in {m2}.",
    "ID-checking guidance for recruiting managers reissued in {m2}.",
];

const HR07_R: &[&str] = &[
    "The e-learning platform was unavailable for {k} days in {m1} during the upgrade.",
    "Managers in front-line services did not release new starters to complete the modules.",
];
const HR07_M: &[&str] = &[
    "Platform upgrade complete; new starters given protected time in their first month, from {m2}.",
    "Monthly lists of incomplete modules sent to managers from {m2}.",
];

const LG04_R: &[&str] = &[
    "{K} complex transactions (lease renewals with multiple parties) took most of the quarter.",
    "Waiting for survey and valuation reports from Asset Management on {k} matters in {m1}.",
    "A property solicitor post was vacant during {m1}.",
];
const LG04_M: &[&str] = &[
    "Standard lease templates introduced for small commercial lettings in {m2}.",
    "Instruction checklist agreed with Asset Management so surveys are commissioned before instructions, from {m2}.",
    "Locum property solicitor engaged from {m2}.",
];

const LG05_R: &[&str] = &[
    "Clients commented on slow updates on {k} long-running cases.",
    "Fewer surveys returned this quarter ({k} dozen), so a handful of poor ratings moved the result.",
];
const LG05_M: &[&str] = &[
    "Fee earners to update clients at least monthly on open matters from {m2}.",
    "Survey sent by email at file closure from {m2} to increase responses.",
];

const PR03_R: &[&str] = &[
    "The contracts register migration in {m1} left {n} records incomplete.",
    "Contract managers in {k} services have not updated expiry dates and documents.",
];
const PR03_M: &[&str] = &[
    "Contract managers asked to complete missing records by the end of {m3}; progress reported to the s151 officers.",
    "Monthly register exception report to heads of service from {m2}.",
];

const PR04_R: &[&str] = &[
    "Around {p}% of spend in the quarter was one-off purchases outside the contract register.",
    "{K} contracts expired in {m1} before their replacements were awarded.",
];
const PR04_M: &[&str] = &[
    "Off-contract spend reports sent to heads of service each month from {m2}, with the top suppliers targeted for new contracts.",
    "Contract expiry alerts now sent nine months ahead of the end date, from {m2}.",
];

const PR05_R: &[&str] = &[
    "{K} contracts were call-offs from national frameworks that do not carry local social value terms.",
    "Social value commitments were left out of {k} lower-value tenders by mistake.",
];
const PR05_M: &[&str] = &[
    "Social value clauses added to the mini-competition templates from {m2}.",
    "Tender checklist updated and procurement officers briefed in {m2}.",
];

const BS01_R: &[&str] = &[
    "Call volumes rose about {p}% in {m1} after payslip and pension changes.",
    "{K} advisers on long-term sick leave in the customer support team.",
    "The telephony system failed for half a day in {m1} and callers rang back at peak times.",
];
const BS01_M: &[&str] = &[
    "Answers to the most common payroll questions published on the intranet in {m2}.",
    "Temporary staff from the councils' redeployment pools started in {m2}.",
    "Call-back option added in {m2} to flatten peaks in demand.",
];

const IA02_R: &[&str] = &[
    "Management actions depend on system changes not yet made in {k} services.",
    "{K} services restructured in {m1} and the officers responsible for actions have left.",
];
const IA02_M: &[&str] = &[
    "Overdue actions escalated to the relevant director, with follow-up at the {m2} audit committee.",
    "New action owners named and revised dates agreed with the services in {m2}.",
];

const CT06_R: &[&str] = &[
    "More overpayments were on Universal Credit cases, where recovery by deduction is slower.",
    "Overpayment recovery staff were moved to new claims processing during {m1}.",
];
const CT06_M: &[&str] = &[
    "Recovery from Universal Credit requested from DWP on all eligible cases from {m2}.",
    "Overpayment recovery officer returned to the team from {m2}.",
];

const CT08_R: &[&str] = &[
    "Errors were concentrated among {k} new assessors still in training.",
    "Most errors in the sample were in self-employed income calculations.",
];
const CT08_M: &[&str] = &[
    "100% checking of new assessors' work until they are signed off, expected by {m3}.",
    "Refresher training on self-employed income delivered in {m2}.",
];

const CT10_R: &[&str] = &[
    "{K} thousand new accounts were opened after new-build completions, mostly paying by card.",
    "Direct debit sign-up was not offered on the new online form until {m2}.",
];
const CT10_M: &[&str] = &[
    "Direct debit promoted on all bills and reminders from {m2}.",
    "Online form updated in {m2} to offer direct debit first.",
];

const PT03_R: &[&str] = &[
    "{K} older minibuses failed on brakes and emissions.",
    "The fleet workshop lost a technician in {m1}, so pre-MOT checks were skipped on some vehicles.",
];
const PT03_M: &[&str] = &[
    "Replacement of the oldest minibuses brought forward to {m3}.",
    "Pre-MOT inspection made mandatory for every vehicle from {m2}.",
];

const PT04_R: &[&str] = &[
    "{K} DBS renewals were delayed by the national DBS service in {m1}.",
    "Safeguarding refresher courses were cancelled in {m1} when the trainer was unavailable.",
];
const PT04_M: &[&str] = &[
    "Staff with expired checks taken off routes until renewed; renewals now started three months early.",
    "Extra safeguarding sessions booked for {m2}.",
];

const TS03_R: &[&str] = &[
    "{K} faults needed UK Power Networks to repair the supply, which is outside our control.",
    "The street lighting contractor was short of a crew in {m1}.",
];
const TS03_M: &[&str] = &[
    "Weekly escalation list sent to UK Power Networks from {m2}.",
    "Contractor performance notice issued in {m2}; extra crew from {m3}.",
];

const TS04_R: &[&str] = &[
    "{K} major planning applications with transport assessments arrived together in {m1}.",
    "The highways development control officer was on leave for {w} weeks in {m1}.",
];
const TS04_M: &[&str] = &[
    "Transport assessment reviews shared with an external consultant from {m2}.",
    "Cover arrangements agreed with the traffic team for periods of leave.",
];

const PP04_R: &[&str] = &[
    "{K} gateway reviews were postponed because the project sponsors were unavailable.",
    "Business cases for {k} schemes were not ready for review on time.",
];
const PP04_M: &[&str] = &[
    "Gateway dates now set for the whole year at project start, with deputies named for sponsors.",
    "Programme office to review draft business cases two weeks before each gateway from {m2}.",
];

const PP06_R: &[&str] = &[
    "Clients were unhappy with communication on {k} delayed schemes.",
    "Snagging on {k} completed schemes took longer than clients expected.",
];
const PP06_M: &[&str] = &[
    "Monthly progress updates to client departments on every live scheme from {m2}.",
    "Snagging to be closed within 28 days of handover, written into contractor terms from {m2}.",
];

const ICT05_R: &[&str] = &[
    "Users were unhappy with waits for new laptops during the Windows 10 rollout in {m1}.",
    "Satisfaction fell after a {k}-hour email outage in {m1}.",
];
const ICT05_M: &[&str] = &[
    "Laptop rollout schedule published on the intranet so staff know when to expect their device, from {m2}.",
    "Root-cause report on the outage shared with users in {m2}.",
];

static TPLS: &[Tpl] = &[
    // Exchequer & Transactional (all three councils for EX-01..06).
    Tpl { code: "EX", num: 1, service: "exchequer", name: "% of undisputed invoices paid within 30 days",
        desc: "Undisputed supplier invoices paid within 30 days of receipt, as a share of all undisputed invoices paid in the quarter.",
        target: 95.0, stretch: 1.0, tweak: 1.0, tol: Some(Tol::Abs(3.0)), councils: "HNB", items: "invoices", team: "accounts payable", ..D },
    Tpl { code: "EX", num: 2, service: "exchequer", name: "Average days to pay supplier invoices",
        desc: "Mean number of calendar days from invoice receipt to payment, for invoices paid in the quarter.",
        unit: "days", higher: LOWER, measure: "average", target: 16.0, stretch: -1.0, tweak: 1.0, councils: "HNB", items: "invoices", team: "accounts payable", ..D },
    Tpl { code: "EX", num: 3, service: "exchequer", name: "% of sundry debt collected within 90 days of invoice",
        desc: "Value of sundry debtor invoices paid within 90 days, as a share of the value raised in the period.",
        target: 85.0, stretch: 1.0, tweak: 2.0, tol: Some(Tol::Abs(4.0)), councils: "HNB", priority: "P5", theme: "T4", items: "sundry debt invoices", team: "income and debt", reasons: DEBT_R, remedies: DEBT_M, ..D },
    Tpl { code: "EX", num: 4, service: "exchequer", name: "% of payroll payments made accurately and on time",
        desc: "Employee pay made on the scheduled pay date without a correction, as a share of all payments in the quarter.",
        target: 99.5, tol: Some(Tol::Abs(0.5)), councils: "HNB", items: "payroll payments", team: "payroll", reasons: PAYROLL_R, remedies: PAYROLL_M, ..D },
    Tpl { code: "EX", num: 5, service: "exchequer", name: "% of supplier payments made by BACS",
        desc: "Supplier payments made electronically rather than by cheque.",
        target: 97.0, stretch: 0.5, tol: Some(Tol::Abs(2.0)), councils: "HNB", priority: "P3", theme: "T4", items: "cheque payments", team: "accounts payable", reasons: BACS_R, remedies: BACS_M, ..D },
    Tpl { code: "EX", num: 6, service: "exchequer", name: "Value of sundry debt over 90 days old (£k)",
        desc: "Outstanding sundry debt more than 90 days past invoice date at the end of the quarter.",
        unit: "£k", higher: LOWER, dec: 0, target: 2400.0, stretch: -200.0, scale: true, councils: "HNB", priority: "P5", theme: "T4", items: "aged debts", team: "income and debt", reasons: DEBT_R, remedies: DEBT_M, ..D },
    Tpl { code: "EX", num: 7, service: "exchequer", name: "% of invoices with a purchase order raised before the invoice date",
        desc: "Compliance with 'no purchase order, no pay': invoices matched to an order raised before the invoice was issued.",
        target: 85.0, stretch: 3.0, tweak: 2.0, priority: "P5", theme: "T4", items: "invoices", team: "accounts payable", ..D },
    // Strategic Finance.
    Tpl { code: "SF", num: 1, service: "strategic-finance", name: "% of monthly budget monitoring reports issued by working day 8",
        desc: "Monthly revenue monitoring reports issued to budget holders by the eighth working day after month end.",
        target: 95.0, tol: Some(Tol::Abs(5.0)), councils: "HNB", priority: "P5", theme: "T2", items: "monitoring reports", team: "finance business partnering", ..D },
    Tpl { code: "SF", num: 2, service: "strategic-finance", name: "Forecast revenue outturn variance (% of net budget)",
        desc: "Absolute difference between forecast outturn and net revenue budget, as a percentage of the net budget, at quarter end.",
        higher: LOWER, target: 1.0, tol: Some(Tol::Abs(0.5)), councils: "HNB", priority: "P5", theme: "T4", items: "forecasts", team: "finance business partnering",
        reasons: &[
            "Demand pressures in children's placements and SEN transport were not fully reflected in service forecasts until {m1}.",
            "Slippage on {k} savings proposals that had been assumed in the budget.",
            "Unbudgeted costs of temporary accommodation rose through {m1}.",
            "Income from sales, fees and charges was about {p}% short of budget by {m1}.",
        ],
        remedies: &[
            "Recovery plans requested from the directorates with the largest pressures, due in {m2}.",
            "Alternative savings identified to cover the slipped proposals; reported to Cabinet in {m3}.",
            "Spending controls on non-essential spend agreed by the s151 officer from {m2}.",
            "Monthly review of the {k} largest variances at the finance leadership team from {m2}.",
        ], ..D },
    Tpl { code: "SF", num: 3, service: "strategic-finance", name: "Average return on treasury investments (%)",
        desc: "Weighted average annualised return on the council's treasury investments in the quarter.",
        dec: 2, measure: "average", target: 0.75, tweak: 0.05, tol: Some(Tol::Abs(0.10)), councils: "HNB", priority: "P5", theme: "T4", items: "investments", team: "treasury",
        reasons: &[
            "Rates offered on short-term deposits in {m1} were lower than assumed when the target was set.",
            "More cash than planned was held in instant-access money market funds to cover capital payments.",
            "A maturing fixed-term deposit could only be replaced at a lower rate in {m1}.",
            "Investment balances were about {p}% lower than forecast after capital payments in {m1}.",
        ],
        remedies: &[
            "Target to be reviewed in the 2020/21 treasury strategy to reflect lower market rates.",
            "Cash-flow forecast reviewed with the treasury advisers; longer deposits placed where liquidity allows from {m2}.",
            "Treasury strategy for 2020/21 to widen the approved counterparty list, subject to Council approval in {m3}.",
            "{K} maturing deposits placed for longer terms with other local authorities in {m2}.",
        ], ..D },
    Tpl { code: "SF", num: 4, service: "strategic-finance", name: "% of journals and accruals processed within 3 working days",
        desc: "Journal and accrual requests posted to the ledger within three working days of a complete request.",
        target: 92.0, tweak: 1.0, items: "journal requests", team: "financial accounting", ..D },
    // ICT.
    Tpl { code: "ICT", num: 1, service: "ict", name: "% availability of core ICT systems (core hours)",
        desc: "Time that the network, email and the main line-of-business systems were available during core hours (08:00–18:00, working days).",
        dec: 2, monthly: true, target: 99.5, tol: Some(Tol::Abs(0.5)), priority: "P3", items: "outages", team: "infrastructure",
        reasons: &[
            "An unplanned storage outage in {m1} took core systems down for most of a working morning.",
            "A failed network switch at the main data centre in {m1} interrupted access for {k} hours.",
            "Planned maintenance overran into core hours in {m1}.",
            "A power failure at the data centre in {m1} forced a controlled shutdown of {k} core systems.",
        ],
        remedies: &[
            "Storage firmware upgraded and the supplier's root-cause report reviewed at the {m2} ICT board.",
            "Resilient switch pair installed in {m2}; failover tested.",
            "Change approval now requires a tested back-out plan for any work near core hours, from {m2}.",
            "UPS batteries replaced and generator tests increased to monthly from {m2}.",
        ], ..D },
    Tpl { code: "ICT", num: 2, service: "ict", name: "% of ICT incidents resolved within SLA",
        desc: "Incidents logged with the ICT service desk that were resolved within the agreed resolution time for their priority.",
        target: 90.0, tweak: 1.0, items: "incidents", team: "service desk", ..D },
    Tpl { code: "ICT", num: 3, service: "ict", name: "% of priority 1 incidents resolved within 4 hours",
        desc: "Priority 1 (service-wide) incidents resolved within four hours of being logged.",
        target: 95.0, tol: Some(Tol::Abs(5.0)), items: "priority 1 incidents", team: "infrastructure", ..D },
    Tpl { code: "ICT", num: 4, service: "ict", name: "% of ICT service requests fulfilled within SLA",
        desc: "Standard service requests (new starters, equipment, access) completed within the published fulfilment time.",
        target: 90.0, tweak: 1.0, priority: "P3", items: "service requests", team: "service desk", ..D },
    Tpl { code: "ICT", num: 5, service: "ict", name: "% of users satisfied with the ICT service desk",
        desc: "Users answering 'satisfied' or 'very satisfied' in the survey sent when a call is closed.",
        target: 88.0, stretch: 1.0, theme: "T3", items: "survey responses", team: "service desk", reasons: ICT05_R, remedies: ICT05_M, ..D },
    Tpl { code: "ICT", num: 6, service: "ict", name: "% of calls to the ICT service desk answered within 60 seconds",
        desc: "Telephone calls to the ICT service desk answered within one minute.",
        target: 80.0, councils: "N", items: "calls", team: "service desk", ..D },
    // Asset Management.
    Tpl { code: "AM", num: 1, service: "asset-management", name: "% of planned maintenance programme delivered (cumulative)",
        desc: "Planned maintenance jobs completed in the year to date, as a share of the full-year programme.",
        measure: "cumulative", target: 95.0, profile: [0.2, 0.45, 0.7, 1.0], items: "planned jobs", team: "building services", ..D },
    Tpl { code: "AM", num: 2, service: "asset-management", name: "% of commercial rent collected within 28 days of the due date",
        desc: "Rent due from the commercial property portfolio in the quarter and collected within 28 days.",
        target: 95.0, tol: Some(Tol::Abs(3.0)), priority: "P5", theme: "T4", items: "rent accounts", team: "estates",
        reasons: &[
            "{K} larger tenants on the high street paid late in {m1}; two have asked for rent deferral.",
            "Invoices for the quarter were issued late after the property system upgrade in {m1}.",
            "A dispute with the market hall tenant over service charges; about {p}% of the quarter's rent is held until it is settled.",
            "Direct debits failed for {k} tenants after a change of bank details in {m1}.",
        ],
        remedies: &[
            "Payment plans agreed with the tenants concerned; Legal instructed on one case.",
            "Rent invoices now raised 21 days before the quarter day, from {m2}.",
            "Service charge reconciliation sent to the tenant in {m2}, with a meeting booked for {m3}.",
            "Estates officers calling every tenant more than 14 days in arrears, from {m2}.",
        ], ..D },
    Tpl { code: "AM", num: 3, service: "asset-management", name: "% of statutory compliance checks completed on schedule",
        desc: "Gas, electrical, fire, water hygiene (legionella) and lift inspections in operational buildings completed by their due date.",
        target: 98.0, tol: Some(Tol::Abs(1.0)), items: "compliance checks", team: "property compliance", ..D },
    Tpl { code: "AM", num: 4, service: "asset-management", name: "Commercial property void rate (%)",
        desc: "Lettable commercial units vacant at quarter end, as a share of all lettable units.",
        higher: LOWER, target: 5.0, stretch: -0.5, tol: Some(Tol::Abs(1.0)), priority: "P5", theme: "T4", items: "units", team: "estates",
        reasons: &[
            "{K} units came back vacant in {m1} when tenants went out of business.",
            "Re-letting of {k} vacant units is held up until repairs finish in {m2}.",
            "Demand for small industrial units fell in {m1}; {k} units have had no viewings for three months.",
        ],
        remedies: &[
            "Letting agent instructed on all vacant units from {m2}; two offers already under negotiation.",
            "Repairs to the vacant units completed by {m2} so they can be marketed.",
            "Rent-free incentives approved for the longest-vacant units in {m2}.",
        ], ..D },
    Tpl { code: "AM", num: 5, service: "asset-management", name: "% of reactive repairs completed within target time",
        desc: "Reactive repairs in operational buildings completed within the response time for their priority.",
        target: 90.0, tweak: 1.0, items: "repairs", team: "building services", ..D },
    Tpl { code: "AM", num: 6, service: "asset-management", name: "Capital receipts from property disposals (£k, cumulative)",
        desc: "Capital receipts from the sale of surplus property in the year to date.",
        unit: "£k", dec: 0, measure: "cumulative", target: 12000.0, profile: [0.1, 0.3, 0.6, 1.0], councils: "N", priority: "P5", theme: "T4", items: "disposals", team: "strategic property",
        reasons: &[
            "Completion of {k} disposals slipped past the quarter end while purchasers finalised funding.",
            "A buyer withdrew from the sale of a surplus depot site in {m1}.",
            "Valuations came in lower than expected on {k} sites, so the sales were held back.",
        ],
        remedies: &[
            "Exchange of contracts on the delayed sales expected in {m2}.",
            "Site remarketed in {m2}; two bids already received.",
            "Sites to be re-valued and brought back to the disposals board in {m3}.",
        ], ..D },
    // HR & OD.
    Tpl { code: "HR", num: 1, service: "hr-od", name: "Average working days lost to sickness per FTE (rolling 12 months)",
        desc: "Working days lost to sickness absence in the last 12 months, divided by average full-time-equivalent staff.",
        unit: "days", higher: LOWER, measure: "average", target: 8.5, stretch: -0.5, tweak: 0.5, priority: "P4", items: "absence cases", team: "HR business partnering",
        reasons: &[
            "Long-term absence rose in front-line services, with musculoskeletal and stress-related cases making up about {p}% of days lost.",
            "{K} services account for over half of all days lost; several long-term cases passed six months in {m1}.",
            "A spike in short-term absence in {m1} came on top of a high long-term caseload.",
            "{K} services have clusters of long-term cases of over 100 days that started before {m1}.",
        ],
        remedies: &[
            "Wellbeing and stress-risk-assessment training for managers in the {k} highest-absence services during {m2} and {m3}.",
            "HR business partners reviewing every case over four weeks with managers; report to directorate teams from {m2}.",
            "Occupational health referral within five days of any absence over two weeks, from {m2}.",
            "Case conferences with occupational health for every case over 100 days, to be completed by the end of {m3}.",
        ], ..D },
    Tpl { code: "HR", num: 2, service: "hr-od", name: "% of staff appraisals completed",
        desc: "Staff with an appraisal recorded in the HR system in the current cycle, as a share of eligible staff.",
        target: 90.0, priority: "P4", theme: "T3", items: "appraisals", team: "organisational development", reasons: HR02_R, remedies: HR02_M, ..D },
    Tpl { code: "HR", num: 3, service: "hr-od", name: "Average working days from advert closing to conditional offer",
        desc: "Mean working days from the closing date of an advert to a conditional offer of employment.",
        unit: "days", higher: LOWER, measure: "average", target: 20.0, stretch: -2.0, tweak: 1.0, priority: "P4", items: "recruitment campaigns", team: "recruitment", reasons: HR03_R, remedies: HR03_M, ..D },
    Tpl { code: "HR", num: 4, service: "hr-od", name: "Staff turnover (%, rolling 12 months)",
        desc: "Leavers in the last 12 months as a share of average headcount. Reported for information: there is no target.",
        higher: None, target: 12.0, priority: "P4", theme: "T3", items: "leavers", team: "HR operations", ..D },
    Tpl { code: "HR", num: 5, service: "hr-od", name: "% of DBS checks completed within 10 working days",
        desc: "Disclosure and Barring Service checks returned within ten working days of the application.",
        target: 90.0, items: "DBS applications", team: "recruitment", reasons: HR05_R, remedies: HR05_M, ..D },
    Tpl { code: "HR", num: 6, service: "hr-od", name: "Agency staff spend as % of the pay bill",
        desc: "Spend on agency and interim staff as a share of total pay costs in the quarter.",
        higher: LOWER, target: 8.0, stretch: -1.0, tol: Some(Tol::Abs(1.0)), councils: "H", priority: "P5", theme: "T4", items: "agency assignments", team: "HR operations",
        reasons: &[
            "{K} long-term vacancies in social care and regeneration were covered by interims through {m1}.",
            "Agency cover for a restructure in adult social care ran longer than planned.",
            "Interim cover for {k} senior finance and ICT posts while recruitment was under way.",
        ],
        remedies: &[
            "Permanent recruitment campaign for hard-to-fill roles launched in {m2}.",
            "Assignments over 12 weeks now need monthly approval from a director, from {m2}.",
            "Interim roles reviewed monthly by the Director of HR & OD; {k} converted to fixed-term contracts in {m2}.",
        ], ..D },
    Tpl { code: "HR", num: 7, service: "hr-od", name: "% of new starters completing mandatory e-learning within 3 months",
        desc: "New starters who completed all mandatory e-learning modules within three months of joining.",
        target: 85.0, councils: "N", priority: "P4", theme: "T3", items: "new starters", team: "organisational development", reasons: HR07_R, remedies: HR07_M, ..D },
    // Legal & Governance.
    Tpl { code: "LG", num: 1, service: "legal", name: "% of FOI requests answered within 20 working days",
        desc: "Freedom of Information and Environmental Information requests answered within the statutory 20 working days.",
        target: 90.0, tweak: 1.0, items: "FOI requests", team: "information governance", ..D },
    Tpl { code: "LG", num: 2, service: "legal", name: "% of subject access requests answered within one month",
        desc: "Subject access requests under data protection law answered within one calendar month.",
        target: 85.0, tweak: 2.0, items: "subject access requests", team: "information governance", ..D },
    Tpl { code: "LG", num: 3, service: "legal", name: "% of care proceedings concluded within 26 weeks",
        desc: "Public law children cases concluded within the 26-week limit, from court data.",
        target: 60.0, tol: Some(Tol::Abs(5.0)), priority: "P2", theme: "T2", items: "care cases", team: "childcare litigation",
        reasons: &[
            "{K} cases needed further expert assessments ordered by the court.",
            "Court listing delays at East London Family Court in {m1}.",
            "Late evidence from parties in {k} cases meant final hearings were adjourned.",
            "Parenting assessments by independent social workers took longer than planned in {m1}.",
        ],
        remedies: &[
            "Pre-proceedings work strengthened so more cases start court with assessments already done.",
            "Issues raised with the Designated Family Judge at the {m2} local family justice board.",
            "Case progression meetings with Children's Services every fortnight from {m2}.",
            "Panel of independent social workers extended from {m2} to shorten waits for assessments.",
        ], ..D },
    Tpl { code: "LG", num: 4, service: "legal", name: "Average working days to complete property transactions",
        desc: "Mean working days from instruction to completion for leases, sales and acquisitions.",
        unit: "days", higher: LOWER, dec: 0, measure: "average", target: 55.0, stretch: -5.0, tweak: 5.0, priority: "P2", items: "property transactions", team: "property and regeneration", reasons: LG04_R, remedies: LG04_M, ..D },
    Tpl { code: "LG", num: 5, service: "legal", name: "% of clients satisfied with Legal Services",
        desc: "Client officers satisfied or very satisfied with the legal service, from the survey sent at file closure.",
        target: 90.0, councils: "N", theme: "T3", items: "client surveys", team: "legal", reasons: LG05_R, remedies: LG05_M, ..D },
    Tpl { code: "LG", num: 6, service: "legal", name: "Income from external legal work (£k, cumulative)",
        desc: "Fee income from work for organisations outside the partner councils, year to date.",
        unit: "£k", dec: 0, measure: "cumulative", target: 400.0, councils: "N", priority: "P5", theme: "T4", items: "external instructions", team: "legal",
        reasons: &[
            "Fewer instructions from academies and housing associations than forecast.",
            "Fee earners were diverted to council regeneration work in {m1}.",
            "Two large external matters finished early, so fee income fell away in {m1}.",
        ],
        remedies: &[
            "Marketing to schools and housing associations in {m2}; fixed-fee packages introduced.",
            "Income target to be reviewed against the regeneration workload at the {m2} management team.",
            "Pipeline of external work reviewed monthly by the Director of Legal & Governance from {m2}.",
        ], ..D },
    // Procurement.
    Tpl { code: "PR", num: 1, service: "procurement", name: "% of council spend with local suppliers",
        desc: "Third-party spend with suppliers based in the borough, as a share of all third-party spend.",
        target: 30.0, stretch: 2.0, tweak: 3.0, tol: Some(Tol::Abs(3.0)), priority: "P2", theme: "T2", items: "contracts", team: "category management",
        reasons: &[
            "{K} large contracts awarded to national suppliers in {m1} after no local bids were received.",
            "Spend with the construction framework (mostly non-local contractors) peaked in {m1}.",
            "About {p}% of the quarter's spend went on specialist ICT licences, for which there are no local suppliers.",
        ],
        remedies: &[
            "'Meet the buyer' event for local businesses planned for {m2}.",
            "Quotes under £25k must now include at least one local supplier where one exists, from {m2}.",
            "Local spend now reported monthly by category, so services can see where local firms could bid, from {m2}.",
        ], ..D },
    Tpl { code: "PR", num: 2, service: "procurement", name: "Procurement savings achieved (£k, cumulative)",
        desc: "Cashable savings from procurement activity, year to date, as agreed with the service and finance.",
        unit: "£k", dec: 0, measure: "cumulative", target: 1200.0, scale: true, priority: "P5", theme: "T4", items: "procurements", team: "category management",
        reasons: &[
            "Savings on {k} re-procurements slipped to the next quarter with the contract start dates.",
            "Prices on the re-let facilities contract came in above the estimate.",
            "{K} savings were reclassified as cost avoidance after review by finance in {m1}.",
            "Energy and fuel prices rose about {p}% above the budget assumption.",
        ],
        remedies: &[
            "Savings pipeline reviewed with finance in {m2}; further opportunities identified in ICT and agency spend.",
            "Price review clause to be used at the first anniversary of the contract.",
            "Savings definitions agreed with finance in {m2}, so every saving is counted once and the same way.",
            "Energy and fuel purchasing moved to a flexible framework from {m2}.",
        ], ..D },
    Tpl { code: "PR", num: 3, service: "procurement", name: "% of contracts on the contracts register with complete records",
        desc: "Live contracts whose register entry has value, dates, contract manager and documents complete.",
        target: 95.0, priority: "P5", items: "contract records", team: "contract management", reasons: PR03_R, remedies: PR03_M, ..D },
    Tpl { code: "PR", num: 4, service: "procurement", name: "% of third-party spend under contract",
        desc: "Third-party spend with suppliers who hold a current contract, as a share of all third-party spend.",
        target: 85.0, stretch: 2.0, tweak: 2.0, priority: "P5", theme: "T4", items: "off-contract purchases", team: "category management", reasons: PR04_R, remedies: PR04_M, ..D },
    Tpl { code: "PR", num: 5, service: "procurement", name: "% of contracts over £100k with social value commitments",
        desc: "Contracts over £100k awarded in the period that include measurable social value commitments.",
        target: 80.0, councils: "N", priority: "P2", theme: "T2", items: "contracts", team: "category management", reasons: PR05_R, remedies: PR05_M, ..D },
    // Business Services.
    Tpl { code: "BS", num: 1, service: "business-services", name: "% of calls to oneSource helplines answered within 2 minutes",
        desc: "Calls to the HR, payroll and finance helplines answered within two minutes.",
        target: 85.0, tweak: 1.0, items: "calls", team: "customer support", reasons: BS01_R, remedies: BS01_M, ..D },
    Tpl { code: "BS", num: 2, service: "business-services", name: "% of complaints responded to within 10 working days",
        desc: "Stage 1 complaints about oneSource services answered within ten working days.",
        target: 90.0, theme: "T3", items: "complaints", team: "complaints", ..D },
    Tpl { code: "BS", num: 3, service: "business-services", name: "% of Member enquiries responded to within 10 working days",
        desc: "Enquiries from councillors about oneSource services answered within ten working days.",
        target: 90.0, priority: "P2", theme: "T3", items: "Member enquiries", team: "business support", ..D },
    // Internal Audit & Anti-Fraud.
    Tpl { code: "IA", num: 1, service: "audit", name: "% of internal audit plan delivered (cumulative)",
        desc: "Audits in the annual plan at final report stage, year to date.",
        measure: "cumulative", target: 90.0, profile: [0.2, 0.45, 0.7, 1.0], priority: "P5", theme: "T2", items: "audits", team: "internal audit", ..D },
    Tpl { code: "IA", num: 2, service: "audit", name: "% of high-priority audit recommendations implemented by the agreed date",
        desc: "High-priority recommendations due in the period that services implemented by the date agreed.",
        target: 90.0, theme: "T2", items: "recommendations", team: "internal audit", reasons: IA02_R, remedies: IA02_M, ..D },
    // Council Tax and Benefits (Havering only).
    Tpl { code: "CT", num: 1, service: "council-tax-benefits", name: "% of Council Tax collected (in-year, cumulative)",
        desc: "Council Tax collected in the year to date as a share of the net collectable debit for the year.",
        measure: "cumulative", target: 96.0, stretch: 0.3, tol: Some(Tol::Abs(1.0)), profile: [0.30, 0.585, 0.87, 1.0], councils: "H", priority: "P5", items: "Council Tax accounts", team: "Council Tax recovery",
        reasons: &[
            "More residents moved to 12-instalment payment plans this year, so less is collected early in the year.",
            "Recovery action was paused for {w} weeks in {m1} while the new enforcement agent contract started.",
            "A delay in issuing summonses in {m1} after a printing contractor failure.",
            "Collection from landlords of houses in multiple occupation was slower than last year, with {k} large balances outstanding.",
        ],
        remedies: &[
            "Weekly collection tracking against last year's profile by the Head of Revenues & Benefits.",
            "Enforcement agent contract now live; caseload passed across in {m2}.",
            "Extra summons run in {m2}, with a reminder campaign by text message and email.",
            "Landlord liaison officer contacting landlords with balances over £5,000 from {m2}.",
        ], ..D },
    Tpl { code: "CT", num: 2, service: "council-tax-benefits", name: "% of Business Rates (NNDR) collected (in-year, cumulative)",
        desc: "Non-domestic rates collected in the year to date as a share of the net collectable debit.",
        measure: "cumulative", target: 98.0, tol: Some(Tol::Abs(1.0)), profile: [0.31, 0.59, 0.875, 1.0], councils: "H", priority: "P5", items: "business rate accounts", team: "business rates",
        reasons: &[
            "{K} large ratepayers appealed their valuations and withheld payment pending the outcome.",
            "Retail businesses in the town centre paid late; {k} went into administration in {m1}.",
            "A backdated valuation refund to one large ratepayer in {m1} reduced net receipts for the quarter.",
        ],
        remedies: &[
            "Payment arrangements agreed with the appealing ratepayers; liability orders sought where not.",
            "Claims lodged with the administrators; town-centre ratepayers contacted about reliefs they may be entitled to.",
            "Refund reconciled and the collection profile adjusted; no further large refunds expected this year.",
        ], ..D },
    Tpl { code: "CT", num: 3, service: "council-tax-benefits", name: "Average days to process new Housing Benefit claims",
        desc: "Mean calendar days from receipt of a new Housing Benefit claim to decision.",
        unit: "days", higher: LOWER, measure: "average", target: 20.0, stretch: -2.0, items: "new claims", team: "benefits assessment", councils: "H", ..D },
    Tpl { code: "CT", num: 4, service: "council-tax-benefits", name: "Average days to process Housing Benefit changes in circumstances",
        desc: "Mean calendar days to process a reported change in a Housing Benefit claimant's circumstances.",
        unit: "days", higher: LOWER, measure: "average", target: 8.0, stretch: -1.0, items: "changes in circumstances", team: "benefits assessment", councils: "H", ..D },
    Tpl { code: "CT", num: 5, service: "council-tax-benefits", name: "Average days to process new Council Tax Support claims",
        desc: "Mean calendar days from receipt of a new Council Tax Support claim to decision.",
        unit: "days", higher: LOWER, measure: "average", target: 20.0, stretch: -2.0, items: "new claims", team: "benefits assessment", councils: "H", ..D },
    Tpl { code: "CT", num: 6, service: "council-tax-benefits", name: "% of Housing Benefit overpayments recovered",
        desc: "Overpaid Housing Benefit recovered in the period as a share of overpayments raised.",
        target: 65.0, stretch: 2.0, priority: "P5", theme: "T4", items: "overpayment cases", team: "overpayments", councils: "H", reasons: CT06_R, remedies: CT06_M, ..D },
    Tpl { code: "CT", num: 7, service: "council-tax-benefits", name: "Council Tax arrears collected (£k, cumulative)",
        desc: "Council Tax arrears from previous years collected in the year to date.",
        unit: "£k", dec: 0, measure: "cumulative", target: 2400.0, stretch: 100.0, councils: "H", priority: "P5", theme: "T4", items: "arrears accounts", team: "Council Tax recovery",
        reasons: &[
            "Fewer arrears cases were passed to enforcement agents while the new contract was mobilised.",
            "Attachment of earnings orders were delayed by a backlog of {n} cases in {m1}.",
            "Many arrears cases in {m1} were residents on low incomes who could only afford small instalments.",
        ],
        remedies: &[
            "Arrears caseload passed to the new enforcement agents in {m2}.",
            "Temporary recovery officer assigned to attachments until the end of {m3}.",
            "Payment plans reviewed so they reflect what residents can afford; vulnerable cases referred to debt advice.",
        ], ..D },
    Tpl { code: "CT", num: 8, service: "council-tax-benefits", name: "% of benefit assessments correct at quality check",
        desc: "Benefit assessments found correct in the monthly random quality-assurance sample.",
        target: 96.0, tol: Some(Tol::Abs(2.0)), items: "assessments", team: "benefits assessment", councils: "H", reasons: CT08_R, remedies: CT08_M, ..D },
    Tpl { code: "CT", num: 9, service: "council-tax-benefits", name: "Number of new Housing Benefit and Council Tax Support claims received",
        desc: "New claims received in the quarter. Reported for information as a measure of demand: there is no target.",
        unit: "number", higher: None, dec: 0, target: 1800.0, items: "claims", team: "benefits assessment", councils: "H", ..D },
    Tpl { code: "CT", num: 10, service: "council-tax-benefits", name: "% of Council Tax payers paying by Direct Debit",
        desc: "Council Tax accounts paying by Direct Debit at quarter end.",
        target: 72.0, stretch: 1.0, tol: Some(Tol::Abs(2.0)), priority: "P3", theme: "T4", items: "accounts", team: "Council Tax billing", councils: "H", reasons: CT10_R, remedies: CT10_M, ..D },
    // Passenger Transport (Havering only).
    Tpl { code: "PT", num: 1, service: "passenger-transport", name: "% of passenger transport journeys on time",
        desc: "Home-to-school and adult social care journeys arriving within 10 minutes of the scheduled time.",
        target: 95.0, tol: Some(Tol::Abs(3.0)), councils: "H", items: "journeys", team: "transport planning", ..D },
    Tpl { code: "PT", num: 2, service: "passenger-transport", name: "Number of complaints about passenger transport",
        desc: "Complaints received in the quarter about passenger transport services.",
        unit: "number", higher: LOWER, dec: 0, target: 15.0, stretch: -1.0, tol: Some(Tol::Abs(4.0)), councils: "H", theme: "T3", items: "complaints", team: "transport planning", ..D },
    Tpl { code: "PT", num: 3, service: "passenger-transport", name: "% of fleet vehicles passing MOT first time",
        desc: "Fleet vehicles passing their MOT test at the first attempt.",
        target: 92.0, councils: "H", items: "vehicles", team: "fleet maintenance", reasons: PT03_R, remedies: PT03_M, ..D },
    Tpl { code: "PT", num: 4, service: "passenger-transport", name: "% of drivers and passenger assistants with current DBS check and training",
        desc: "Drivers and passenger assistants with an in-date DBS check and safeguarding training.",
        target: 98.0, tol: Some(Tol::Abs(1.0)), councils: "H", items: "staff records", team: "transport operations", reasons: PT04_R, remedies: PT04_M, ..D },
    Tpl { code: "PT", num: 5, service: "passenger-transport", name: "Average cost per home-to-school transport journey (£)",
        desc: "Total cost of home-to-school transport in the quarter divided by the number of single journeys.",
        unit: "£", higher: LOWER, dec: 2, measure: "average", target: 27.5, stretch: -0.5, councils: "H", priority: "P5", theme: "T4", items: "journeys", team: "transport planning",
        reasons: &[
            "More pupils with complex needs needing single-occupancy vehicles this term.",
            "Higher use of private hire taxis to cover driver vacancies in {m1}.",
            "Fuel prices in {m1} were about {p}% above the budget assumption.",
        ],
        remedies: &[
            "Route optimisation review with the SEN team in {m2}.",
            "Independent travel training offered to eligible pupils from {m2}.",
            "Fuel now bought through the pan-London framework, from {m2}.",
        ], ..D },
    // Technical Services (Havering only).
    Tpl { code: "TS", num: 1, service: "technical-services", name: "% of highway safety inspections completed on schedule",
        desc: "Programmed highway safety inspections completed within the inspection frequency set by the highway maintenance plan.",
        target: 95.0, tol: Some(Tol::Abs(3.0)), councils: "H", items: "inspections", team: "highways inspection", ..D },
    Tpl { code: "TS", num: 2, service: "technical-services", name: "% of category 1 highway defects made safe within 24 hours",
        desc: "Dangerous (category 1) highway defects made safe within 24 hours of being reported or found.",
        target: 98.0, tol: Some(Tol::Abs(2.0)), councils: "H", items: "defects", team: "highways maintenance", ..D },
    Tpl { code: "TS", num: 3, service: "technical-services", name: "% of street lighting faults repaired within 5 working days",
        desc: "Street lighting faults repaired within five working days of being reported.",
        target: 90.0, councils: "H", items: "lighting faults", team: "street lighting", reasons: TS03_R, remedies: TS03_M, ..D },
    Tpl { code: "TS", num: 4, service: "technical-services", name: "% of highways responses to planning consultations within 21 days",
        desc: "Highways authority responses to planning consultations sent within 21 days.",
        target: 85.0, councils: "H", priority: "P2", items: "planning consultations", team: "highways development control", reasons: TS04_R, remedies: TS04_M, ..D },
    Tpl { code: "TS", num: 5, service: "technical-services", name: "Number of highway insurance claims received",
        desc: "Third-party insurance claims received in the quarter relating to the highway.",
        unit: "number", higher: LOWER, dec: 0, target: 90.0, stretch: -5.0, councils: "H", priority: "P5", theme: "T4", items: "claims", team: "highways inspection",
        reasons: &[
            "Claims rose after the cold, wet weather in {m1} opened up more potholes.",
            "A claims management firm ran a local campaign in {m1}, generating {k} dozen claims.",
            "Trip claims rose in the town centre where utility companies' reinstatements had failed.",
        ],
        remedies: &[
            "Targeted patching programme on the worst roads from {m2}.",
            "All claims checked against inspection records; defence rate monitored monthly.",
            "Utility companies charged for defective reinstatements; section 81 notices served in {m2}.",
        ], ..D },
    // Projects and Programmes (Newham only).
    Tpl { code: "PP", num: 1, service: "projects-programmes", name: "% of capital projects reaching practical completion on time",
        desc: "Capital projects reaching practical completion by the date in the approved project plan.",
        target: 85.0, councils: "N", priority: "P2", items: "schemes", team: "project management", ..D },
    Tpl { code: "PP", num: 2, service: "projects-programmes", name: "% of capital projects completed within approved budget",
        desc: "Capital projects completed within the budget approved at the last gateway.",
        target: 90.0, councils: "N", priority: "P5", theme: "T4", items: "schemes", team: "cost management", ..D },
    Tpl { code: "PP", num: 3, service: "projects-programmes", name: "New school places delivered (cumulative)",
        desc: "New permanent school places made available through the capital programme, year to date.",
        unit: "number", dec: 0, measure: "cumulative", target: 420.0, councils: "N", priority: "P2", items: "school expansion schemes", team: "education capital",
        reasons: &[
            "One primary school expansion is running about {w} weeks late after contractor delays, so its places are not yet counted.",
            "{K} bulge classes were not needed this year after pupil numbers came in lower than forecast.",
            "A new free school opening was put back by the Department for Education, so its places move to next year.",
        ],
        remedies: &[
            "Temporary classrooms in place until the new block is handed over.",
            "School place planning forecast refreshed with the Education team in {m2}.",
            "Place planning revised with the Education team and reported to Cabinet in {m3}.",
        ], ..D },
    Tpl { code: "PP", num: 4, service: "projects-programmes", name: "% of project gateway reviews held on schedule",
        desc: "Gateway reviews held by the date set in the project plan.",
        target: 90.0, councils: "N", priority: "P2", theme: "T2", items: "gateway reviews", team: "programme office", reasons: PP04_R, remedies: PP04_M, ..D },
    Tpl { code: "PP", num: 5, service: "projects-programmes", name: "% of capital programme spend against profiled budget",
        desc: "Capital spend in the year to date as a share of the profiled budget for the same period.",
        target: 90.0, councils: "N", priority: "P5", theme: "T4", items: "schemes", team: "programme office", ..D },
    Tpl { code: "PP", num: 6, service: "projects-programmes", name: "% of client departments satisfied with project delivery",
        desc: "Client departments rating project delivery good or very good in the survey at project close.",
        target: 85.0, councils: "N", theme: "T3", items: "client surveys", team: "project management", reasons: PP06_R, remedies: PP06_M, ..D },
];

#[derive(Clone, Copy, Debug)]
enum Per {
    Q(i32, u32),
    M(i32, u32),
}

impl Per {
    fn label(self) -> String {
        match self {
            Per::Q(fy, q) => quarter_label(fy, q),
            Per::M(y, m) => format!("{y}-{m:02}"),
        }
    }
    fn fy(self) -> i32 {
        match self {
            Per::Q(fy, _) => fy,
            Per::M(y, m) => {
                if m >= 4 {
                    y
                } else {
                    y - 1
                }
            }
        }
    }
    fn qidx(self) -> usize {
        match self {
            Per::Q(_, q) => q as usize - 1,
            Per::M(_, m) => ((m as usize + 8) % 12) / 3,
        }
    }
    /// (first month, months covered)
    fn first_month(self) -> ((i32, u32), i32) {
        match self {
            Per::Q(fy, q) => (quarter_start(fy, q), 3),
            Per::M(y, m) => ((y, m), 1),
        }
    }
    fn ctx<'a>(self, items: &'a str, team: &'a str, rng: &mut Rng) -> Ctx<'a> {
        let (first, len) = self.first_month();
        let m1 = add_months(first, rng.below(len as usize) as i32);
        let end = add_months(first, len - 1);
        let m2 = add_months(end, 1);
        let m3 = add_months(end, 2);
        Ctx {
            items,
            team,
            m1: MONTHS[m1.1 as usize - 1].to_string(),
            m2: MONTHS[m2.1 as usize - 1].to_string(),
            m3: MONTHS[m3.1 as usize - 1].to_string(),
        }
    }
}

fn periods(monthly: bool) -> Vec<Per> {
    if monthly {
        (0..24)
            .map(|k| {
                let (y, m) = add_months((2018, 1), k);
                Per::M(y, m)
            })
            .collect()
    } else {
        let mut v: Vec<Per> = (1..=4).map(|q| Per::Q(2018, q)).collect();
        v.extend((1..=3).map(|q| Per::Q(2019, q)));
        v
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plan {
    Rag(Rag),
    /// Latest value has no actual yet.
    NoActual,
    /// Polarity none, no target.
    DataOnly,
    /// Latest actual exactly equals target (a deliberate boundary case: green).
    Exact,
}

const NO_ACTUAL: [(&str, &str); 4] = [
    ("PP-06-LBN", "Client survey for projects closed in the quarter is still out; results due in late January."),
    ("LG-03-LBH", "Court data for October to December not yet received from HMCTS; expected in February."),
    ("SF-03-LBB", "Awaiting the quarter's investment return calculation from Bexley's treasury advisers, due by the end of January."),
    ("HR-02-LBN", "Appraisal records are being checked after the move to the new HR system; figure to follow in the next report."),
];

/// Wanted latest-quarter mix for the indicators with a rating: 76 green, 21 amber, 16 red.
const LATEST_MIX: (usize, usize, usize) = (76, 21, 16);

struct Ind {
    id: String,
    tpl: &'static Tpl,
    council: &'static str,
}

fn operational_indicators() -> Vec<Ind> {
    let mut v = Vec::new();
    for t in TPLS {
        let svc = service(t.service);
        for c in council_ids(t.councils) {
            assert!(svc
                .councils
                .contains(COUNCILS.iter().find(|x| x.0 == c).unwrap().3));
            v.push(Ind {
                id: format!("{}-{:02}-{}", t.code, t.num, short(c)),
                tpl: t,
                council: c,
            });
        }
    }
    v
}

/// The shared definition an indicator template's indicators report, if any: the measures of
/// the two services the reports say all three councils receive (Exchequer & Transactional and
/// Strategic Finance; Bexley "only parts" of them), reported by more than one council here.
/// Which measures they are is invented, as the names are: the reports name no operational
/// indicator. A measure whose size follows the council's size (a sum of money) is left out:
/// it is not like for like across councils.
fn definition_id(t: &Tpl) -> Option<String> {
    let shared_service = matches!(t.service, "exchequer" | "strategic-finance");
    (shared_service && council_ids(t.councils).len() > 1 && !t.scale)
        .then(|| format!("{}-{:02}", t.code, t.num))
}

/// The shared definitions, in template order.
fn definitions_json() -> Vec<Value> {
    TPLS.iter()
        .filter_map(|t| {
            definition_id(t).map(|id| json!({ "id": id, "name": t.name, "description": t.desc }))
        })
        .collect()
}

fn tol_amount(t: &Tpl, target: f64) -> f64 {
    match t.tol.unwrap_or(Tol::Pct(10.0)) {
        Tol::Pct(p) => p / 100.0 * target.abs(),
        Tol::Abs(a) => a,
    }
}

fn tol_json(t: &Tpl) -> Option<Value> {
    t.tol.map(|tol| match tol {
        Tol::Pct(p) => json!({ "percent": p }),
        Tol::Abs(a) => json!({ "absolute": a }),
    })
}

fn council_target(ind: &Ind, rng: &mut Rng) -> f64 {
    let t = ind.tpl;
    let mut x = t.target;
    if t.scale {
        x *= match ind.council {
            "havering" => 1.0,
            "newham" => 1.35,
            _ => 0.7,
        };
    }
    if t.tweak != 0.0 {
        x += t.tweak * *rng.pick(&[-1.0, 0.0, 0.0, 1.0]);
    }
    if t.unit == "%" {
        x = x.min(99.5);
    }
    x
}

fn round_target(x: f64, dec: u32) -> f64 {
    if x >= 1000.0 {
        (x / 10.0).round() * 10.0
    } else {
        round_to(x, dec)
    }
}

struct Summary {
    green: usize,
    amber: usize,
    red: usize,
    no_actual: usize,
    data_only: usize,
}

fn indicator_json(ind: &Ind, plan: Plan, summary: &mut Summary) -> Value {
    let t = ind.tpl;
    let svc = service(t.service);
    let items = if t.items.is_empty() {
        svc.items
    } else {
        t.items
    };
    let team = if t.team.is_empty() { svc.team } else { t.team };
    let (reasons, remedies, greens) = bank(t.service);
    let greens: &[&str] = if t.reasons.is_empty() {
        greens
    } else {
        &["Target met.", "On target.", "Within target this quarter."]
    };
    let reasons = if t.reasons.is_empty() {
        reasons
    } else {
        t.reasons
    };
    let remedies = if t.remedies.is_empty() {
        remedies
    } else {
        t.remedies
    };
    let mut rng = Rng::keyed(SEED, &ind.id);
    let base = council_target(ind, &mut rng);
    let max = if t.unit == "%" { 100.0 } else { f64::INFINITY };
    let pers = periods(t.monthly);
    let n = pers.len();

    // Earlier periods drift around the latest rating.
    let weights = match plan {
        Plan::Rag(Rag::Amber) => [0.55, 0.30, 0.15],
        Plan::Rag(Rag::Red) => [0.40, 0.30, 0.30],
        _ => [0.72, 0.18, 0.10],
    };
    let mut values = Vec::new();
    let mut prev_actual: Option<(i32, f64)> = None;
    let mut last_reason = usize::MAX;
    for (i, p) in pers.iter().enumerate() {
        let latest = i == n - 1;
        let label = p.label();
        let mut v = Map::new();
        v.insert("period".into(), json!(label));
        let mut ctx_rng = Rng::keyed(SEED ^ 0x7e57, &format!("{}/{}", ind.id, label));
        let ctx = p.ctx(items, team, &mut ctx_rng);

        if plan == Plan::DataOnly {
            // Demand data only: no target, no rating.
            let season = [1.05, 0.95, 1.0, 1.08][p.qidx()];
            let trend = 1.0 + 0.02 * (p.fy() - 2018) as f64;
            let a = round_to(base * season * trend * rng.range(0.94, 1.06), t.dec);
            v.insert("actual".into(), num(a, t.dec));
            if latest {
                summary.data_only += 1;
                v.insert(
                    "commentary".into(),
                    json!(if t.unit == "number" {
                        "For information: demand is running slightly above last year."
                    } else {
                        "For information: in line with the London average for back-office services."
                    }),
                );
            }
            values.push(Value::Object(v));
            continue;
        }

        let higher = t.higher.expect("rated indicator");
        let mut target = base;
        if p.fy() < 2019 {
            target -= t.stretch;
        }
        if t.measure == "cumulative" {
            target *= t.profile[p.qidx()];
        }
        let target = round_target(target, t.dec);
        let tol = tol_amount(t, target);
        v.insert("target".into(), num(target, t.dec));

        if latest && plan == Plan::NoActual {
            summary.no_actual += 1;
            let text = NO_ACTUAL.iter().find(|x| x.0 == ind.id).unwrap().1;
            v.insert("commentary".into(), json!(text));
            values.push(Value::Object(v));
            continue;
        }

        let want = if latest {
            match plan {
                Plan::Rag(r) => r,
                _ => Rag::Green,
            }
        } else {
            forced(&ind.id, &label).unwrap_or_else(|| {
                let u = rng.unit();
                if u < weights[0] {
                    Rag::Green
                } else if u < weights[0] + weights[1] {
                    Rag::Amber
                } else {
                    Rag::Red
                }
            })
        };
        let floor = match prev_actual {
            Some((fy, a)) if t.measure == "cumulative" && fy == p.fy() => a,
            _ => 0.0,
        };
        let actual = if latest && plan == Plan::Exact {
            target
        } else {
            let order: &[Rag] = match want {
                Rag::Green => &[Rag::Green, Rag::Amber, Rag::Red],
                Rag::Amber => &[Rag::Amber, Rag::Green, Rag::Red],
                Rag::Red => &[Rag::Red, Rag::Amber, Rag::Green],
            };
            let mut got = None;
            for (k, w) in order.iter().enumerate() {
                if let Some(a) = make_actual(&mut rng, target, higher, tol, t.dec, max, floor, *w) {
                    got = Some(a);
                    break;
                }
                if latest || k == 0 && forced(&ind.id, &label).is_some() {
                    panic!("{}: cannot make a {:?} value for {}", ind.id, w, label);
                }
            }
            got.unwrap_or_else(|| panic!("{}: no value possible for {}", ind.id, label))
        };
        if t.measure == "cumulative" {
            prev_actual = Some((p.fy(), actual));
        }
        v.insert("actual".into(), num(actual, t.dec));
        let rag = rate(actual, target, higher, tol);
        if latest {
            match rag {
                Rag::Green => summary.green += 1,
                Rag::Amber => summary.amber += 1,
                Rag::Red => summary.red += 1,
            }
        }

        if let Some(text) = special_commentary(&ind.id, &label) {
            v.insert("commentary".into(), json!(text.commentary));
            if let Some(r) = text.rag {
                v.insert("rag".into(), json!(r));
                v.insert("rag_justification".into(), json!(text.commentary));
            }
            if let Some(r) = text.reason {
                v.insert("reason".into(), json!(r));
            }
            if let Some(r) = text.remedial {
                v.insert("remedial_action".into(), json!(r));
            }
        } else if rag == Rag::Green {
            if rng.chance(0.3) {
                let mut g = *rng.pick(greens);
                // Only claim an improvement when there was one.
                let improved = match values
                    .last()
                    .and_then(|x: &Value| x.get("actual"))
                    .and_then(Value::as_f64)
                {
                    Some(prev) => {
                        if higher {
                            actual > prev
                        } else {
                            actual < prev
                        }
                    }
                    None => false,
                };
                if !improved
                    && ["mprove", "Best", "Better", "Above target"]
                        .iter()
                        .any(|w| g.contains(w))
                {
                    g = "Target met.";
                }
                v.insert("commentary".into(), json!(fill(g, &ctx, &mut rng)));
            }
        } else {
            let mut ri = rng.below(reasons.len());
            if ri == last_reason {
                ri = (ri + 1) % reasons.len();
            }
            // Remedies are listed in step with the reasons they answer.
            let mi = ri % remedies.len();
            last_reason = ri;
            if rag == Rag::Red && rng.chance(0.5) {
                v.insert(
                    "commentary".into(),
                    json!(rng.pick(&[
                        "Below target and outside tolerance; see the exception report.",
                        "Red this period. Recovery plan agreed with the service director.",
                        "Escalated to the oneSource management team.",
                    ])),
                );
            }
            v.insert("reason".into(), json!(fill(reasons[ri], &ctx, &mut rng)));
            v.insert(
                "remedial_action".into(),
                json!(fill(remedies[mi], &ctx, &mut rng)),
            );
        }
        values.push(Value::Object(v));
    }

    let mut o = Map::new();
    o.insert("id".into(), json!(ind.id));
    o.insert("name".into(), json!(t.name));
    o.insert("description".into(), json!(t.desc));
    if let Some(d) = definition_id(t) {
        o.insert("definition".into(), json!(d));
    }
    o.insert("service".into(), json!(t.service));
    o.insert("council".into(), json!(ind.council));
    o.insert(
        "frequency".into(),
        json!(if t.monthly { "monthly" } else { "quarterly" }),
    );
    o.insert(
        "polarity".into(),
        json!(match t.higher {
            Some(true) => "higher",
            Some(false) => "lower",
            None => "none",
        }),
    );
    o.insert("unit".into(), json!(t.unit));
    o.insert("decimals".into(), json!(t.dec));
    o.insert("measure".into(), json!(t.measure));
    if let Some(tol) = tol_json(t) {
        o.insert("tolerance".into(), tol);
    }
    o.insert("key".into(), json!(false));
    o.insert("priority".into(), json!(t.priority));
    o.insert("theme".into(), json!(t.theme));
    if let Some(area) = indicator_area(t.code, t.num) {
        o.insert("area".into(), json!(area));
    }
    o.insert("owner".into(), json!(svc.owner));
    o.insert("values".into(), Value::Array(values));
    Value::Object(o)
}

/// The improvement area an indicator measures (the golden thread from area to indicator), by
/// template code and number. Indicators not listed measure no single area.
fn indicator_area(code: &str, num: u32) -> Option<&'static str> {
    Some(match (code, num) {
        // Exchequer: payroll, paying suppliers, debt recovery.
        ("EX", 1) | ("EX", 2) => "A10",
        ("EX", 3) | ("EX", 6) => "A13",
        ("EX", 4) => "A09",
        // Strategic Finance.
        ("SF", 1) => "A19",
        ("SF", 2) => "A11",
        ("SF", 4) => "A12",
        // ICT: service desk, resilience, demand.
        ("ICT", 1) | ("ICT", 3) => "A02",
        ("ICT", 2) | ("ICT", 6) => "A01",
        ("ICT", 4) => "A03",
        // Asset Management.
        ("AM", 1) | ("AM", 5) => "A06",
        ("AM", 2) | ("AM", 4) => "A43",
        ("AM", 3) => "A05",
        ("AM", 6) => "A41",
        // HR & OD.
        ("HR", 1) => "A08",
        ("HR", 2) => "A34",
        ("HR", 3) | ("HR", 5) => "A07",
        ("HR", 4) => "A30",
        ("HR", 6) => "A45",
        // Legal & Governance: information requests, income.
        ("LG", 1) | ("LG", 2) => "A15",
        ("LG", 6) => "A43",
        // Procurement: strategy and social value, savings.
        ("PR", 1) | ("PR", 5) => "A27",
        ("PR", 2) => "A38",
        // Business Services: complaints and Member enquiries.
        ("BS", 2) => "A32",
        ("BS", 3) => "A36",
        _ => return None,
    })
}

/// Values whose rating is fixed by hand (for the manual-override examples).
fn forced(id: &str, period: &str) -> Option<Rag> {
    match (id, period) {
        ("BS-02-LBH", "2019-20-Q2") => Some(Rag::Green),
        _ => None,
    }
}

struct Special {
    commentary: &'static str,
    rag: Option<&'static str>,
    reason: Option<&'static str>,
    remedial: Option<&'static str>,
}

fn special_commentary(id: &str, period: &str) -> Option<Special> {
    match (id, period) {
        ("AM-03-LBN", "2019-20-Q3") => Some(Special {
            commentary: "RAG set to red by hand by the Head of Asset Management: the checks still outstanding include two fire risk assessments at occupied buildings, a safety risk whatever the percentage.",
            rag: Some("red"),
            reason: Some("The fire risk assessment contract ended in October before the re-procured contract started, so assessments due in November and December were not done."),
            remedial: Some("New contract started on 2 December; the two overdue fire risk assessments are booked for the week of 6 January and interim fire warden checks are in place until then."),
        }),
        ("BS-02-LBH", "2019-20-Q2") => Some(Special {
            commentary: "RAG set to amber by hand: the target was met only after 46 cases logged as complaints were reclassified as service requests. The Head of Business Services asked for amber until Havering's complaints team has checked the reclassification.",
            rag: Some("amber"),
            reason: None,
            remedial: None,
        }),
        ("EX-01-LBB", "2019-20-Q3") => Some(Special {
            commentary: "Exactly on target this quarter, which counts as met (green).",
            rag: None,
            reason: None,
            remedial: None,
        }),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Key strategic indicators (annual).

fn key_indicators() -> Vec<Value> {
    vec![
        json!({
            "id": "KEY-01-LBH",
            "name": "Customer satisfaction with oneSource services (% satisfied)",
            "description": "Council managers satisfied or very satisfied with oneSource services in the annual customer survey, across all three partner councils: a key strategic indicator of the shared service as a whole.",
            "service": "business-services",
            "shared": true,
            "frequency": "annual",
            "polarity": "higher",
            "unit": "%",
            "decimals": 0,
            "measure": "snapshot",
            "key": true,
            "priority": "P1",
            "theme": "T3",
            "area": "A32",
            "owner": "Executive Director, oneSource",
            "values": [
                { "period": "2017-18", "target": 75, "actual": 70,
                  "reason": "Satisfaction fell in HR and ICT while services were being restructured for the transition to trading; 41% of respondents mentioned slow responses.",
                  "remedial_action": "Service standards to be agreed with each council and published in a service catalogue; ICT self-service portal to be introduced." },
                { "period": "2018-19", "target": 75, "actual": 77,
                  "commentary": "Up 7 points on last year; ICT and Exchequer improved most." },
                { "period": "2019-20", "target": 80,
                  "commentary": "Survey runs in February 2020; result reported in the year-end report." }
            ]
        }),
        json!({
            "id": "KEY-02-LBH",
            "name": "Savings achieved by oneSource (£k)",
            "description": "Savings delivered in the year against the savings target agreed with the partner councils, in total for all three: a key strategic indicator of the shared service as a whole.",
            "service": "strategic-finance",
            "shared": true,
            "frequency": "annual",
            "polarity": "higher",
            "unit": "£k",
            "decimals": 0,
            "measure": "cumulative",
            "key": true,
            "priority": "P5",
            "theme": "T4",
            "area": "A38",
            "owner": "Deputy Director of Finance",
            "values": [
                { "period": "2017-18", "target": 4500, "actual": 3720,
                  "reason": "Savings from the transition to trading (£780k) could not be made when the activation of oneSource Partnership Ltd was deferred in January 2018.",
                  "remedial_action": "Shortfall met from one-off underspends in 2017/18; the trading savings were removed from the plan and replaced with service review savings for 2018/19." },
                { "period": "2018-19", "target": 3800, "actual": 3650,
                  "reason": "The Exchequer restructure went live three months later than planned, leaving £150k of the saving undelivered in the year.",
                  "remedial_action": "Full-year effect of the restructure is in the 2019/20 budget; the partner councils agreed to carry the £150k over." },
                { "period": "2019-20", "target": 2900,
                  "commentary": "Tracked monthly in the improvement plan (area A38); forecast to be met at the end of Q3." }
            ]
        }),
        json!({
            "id": "KEY-03-LBH",
            "name": "% of Council Tax collected in year",
            "description": "Council Tax collected in the financial year as a share of the net collectable debit. A key strategic indicator of the shared service for Havering only (\"LBH only\"): the Council Tax service is provided to Havering.",
            "service": "council-tax-benefits",
            "councils": ["havering"],
            "frequency": "annual",
            "polarity": "higher",
            "unit": "%",
            "decimals": 1,
            "measure": "snapshot",
            "tolerance": { "absolute": 0.5 },
            "key": true,
            "priority": "P5",
            "theme": "T1",
            "owner": "Head of Revenues & Benefits",
            "values": [
                { "period": "2017-18", "target": 96.5, "actual": 96.8,
                  "commentary": "Highest in-year collection rate for five years." },
                { "period": "2018-19", "target": 96.8, "actual": 96.5,
                  "reason": "More residents paying over 12 instalments and a three-week pause in recovery action while the enforcement agent contract was re-let.",
                  "remedial_action": "New enforcement agent contract in place; arrears from 2018/19 being pursued as a priority in 2019/20." },
                { "period": "2019-20", "target": 97.0 }
            ]
        }),
        json!({
            "id": "KEY-04-LBH",
            "name": "% of Business Rates (NNDR) collected in year",
            "description": "Non-domestic rates collected in the financial year as a share of the net collectable debit: a key strategic indicator of the shared service as a whole (the reports do not mark it as for one council).",
            "service": "council-tax-benefits",
            "shared": true,
            "frequency": "annual",
            "polarity": "higher",
            "unit": "%",
            "decimals": 1,
            "measure": "snapshot",
            "tolerance": { "absolute": 0.5 },
            "key": true,
            "priority": "P5",
            "theme": "T1",
            "owner": "Head of Revenues & Benefits",
            "values": [
                { "period": "2017-18", "target": 98.0, "actual": 98.3 },
                { "period": "2018-19", "target": 98.2, "actual": 98.5,
                  "commentary": "Target met despite two large retail administrations in the town centre." },
                { "period": "2019-20", "target": 98.4 }
            ]
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Strategy 2020–23: priorities and projects.

struct Project {
    title: &'static str,
    service: &'static str,
    councils: &'static str,
    owner: &'static str,
    due: &'static str,
    /// Index into the 2020-21-Q1 .. 2021-22-Q3 quarters of the first update.
    start: usize,
    /// One letter per update: N not started, G green, A amber, R red, C complete.
    track: &'static str,
    milestones: [&'static str; 4],
}

const PRIORITIES: &[(&str, &str, &[Project])] = &[
    (
        "Delivering high-quality, reliable services",
        "Services that meet the standards agreed with each council, right first time, with performance reported openly to the Joint Committee.",
        &[
            Project { title: "Service standards and customer feedback refresh", service: "business-services", councils: "HN", owner: "Head of Business Services", due: "2021-09-30", start: 0, track: "AGGGGGC",
                milestones: ["review of service standards with both councils", "customer feedback survey of council managers", "'you said, we did' report to the Joint Committee", "publication of the revised service catalogue"] },
            Project { title: "Oracle Fusion finance, HR and payroll system stabilisation", service: "exchequer", councils: "HN", owner: "Director of Exchequer & Transactional Services", due: "2022-03-31", start: 0, track: "GGAAGGA",
                milestones: ["agreement of the priority fix list with the supplier", "payroll reconciliation improvements", "purchase-to-pay workflow fixes", "upgrade to the current quarterly release"] },
            Project { title: "Statutory property compliance programme", service: "asset-management", councils: "HN", owner: "Head of Asset Management", due: "2021-12-31", start: 0, track: "AGGGGGC",
                milestones: ["compliance audit of the operational estate", "upload of all certificates to the property system", "remedial works at priority buildings", "independent assurance review"] },
        ],
    ),
    (
        "Supporting our partner councils' priorities and recovery",
        "Putting oneSource expertise behind the councils' corporate plans and their recovery from the COVID-19 pandemic.",
        &[
            Project { title: "COVID-19 business grants and hardship payments", service: "exchequer", councils: "HN", owner: "Head of Exchequer & Transactional Services", due: "2021-06-30", start: 0, track: "GGGGC",
                milestones: ["payment of the first round of small business grants", "launch of the discretionary grant scheme", "payment of the restart grants", "post-payment assurance checks"] },
            Project { title: "Council Tax and business rates recovery after the pandemic", service: "council-tax-benefits", councils: "H", owner: "Head of Revenues & Benefits", due: "2022-03-31", start: 0, track: "AAAAGGG",
                milestones: ["restart of reminders and payment arrangements", "resumption of court hearings for liability orders", "targeted arrears campaign", "return of collection rates to pre-pandemic levels"] },
            Project { title: "Newham capital programme: school places and regeneration schemes", service: "projects-programmes", councils: "N", owner: "Head of Projects and Programmes", due: "2023-03-31", start: 0, track: "AGGGGAA",
                milestones: ["restart of sites after the first lockdown", "handover of the secondary school expansion", "tender for the community hub scheme", "start on site of the community hub"] },
        ],
    ),
    (
        "Digital, data and modern ways of working",
        "Modern, secure technology and better use of data, so staff can work from anywhere and the councils can decide on evidence.",
        &[
            Project { title: "Microsoft 365 and Teams rollout", service: "ict", councils: "HN", owner: "Director of ICT", due: "2021-03-31", start: 0, track: "GGGC",
                milestones: ["Teams available to all staff", "email migration to Exchange Online", "OneDrive migration of personal drives", "decommissioning of the old email servers"] },
            Project { title: "Newham data centre exit and move to cloud hosting", service: "ict", councils: "N", owner: "Head of ICT Infrastructure", due: "2022-03-31", start: 0, track: "GGAAARR",
                milestones: ["discovery of all hosted applications", "migration of the first wave of applications", "migration of the line-of-business systems", "exit from the data centre lease"] },
            Project { title: "Robotic process automation in Exchequer", service: "exchequer", councils: "HN", owner: "Head of Exchequer & Transactional Services", due: "2022-06-30", start: 4, track: "GGG",
                milestones: ["proof of concept on supplier set-up", "automation of invoice matching exceptions", "automation of direct debit amendments", "benefits review"] },
            Project { title: "Performance dashboards for the partner councils", service: "business-services", councils: "HN", owner: "Assistant Director Performance, Policy and Programmes", due: "2022-09-30", start: 4, track: "GAG",
                milestones: ["agreement of the indicator set with both councils", "first dashboard release to the Joint Committee", "link from priorities to indicators and actions", "self-service access for council managers"] },
        ],
    ),
    (
        "A great place to work",
        "Developing, supporting and keeping skilled staff, with modern and flexible ways of working.",
        &[
            Project { title: "New ways of working: hybrid working and office moves", service: "hr-od", councils: "HN", owner: "Director of HR & OD", due: "2022-03-31", start: 2, track: "GGAGG",
                milestones: ["hybrid working policy agreed with the trade unions", "staff survey on working patterns", "office moves for the first teams", "review of the policy after six months"] },
            Project { title: "Apprenticeships and career pathways", service: "hr-od", councils: "HN", owner: "Head of Organisational Development", due: "2022-03-31", start: 0, track: "AAGGGGG",
                milestones: ["apprenticeship levy plan for 2020/21", "career pathways for finance and HR", "the September apprentice intake", "career pathways for ICT and legal"] },
            Project { title: "Leadership development programme", service: "hr-od", councils: "HN", owner: "Head of Organisational Development", due: "2021-12-31", start: 0, track: "AAGGGGC",
                milestones: ["move of the programme online", "first cohort of the programme", "second cohort of the programme", "evaluation of the programme"] },
        ],
    ),
    (
        "Value for money and financial resilience",
        "Delivering the agreed savings and showing that the shared service costs less than each council doing the work alone.",
        &[
            Project { title: "oneSource savings programme 2020–23", service: "strategic-finance", councils: "HNB", owner: "Deputy Director of Finance", due: "2023-03-31", start: 0, track: "AAAGGGG",
                milestones: ["re-phasing of savings after the pandemic", "agreement of the 2021/22 savings with each council", "delivery of the Exchequer restructure saving", "options for 2022/23 savings"] },
            Project { title: "Contract management and social value", service: "procurement", councils: "HN", owner: "Head of Procurement", due: "2022-03-31", start: 0, track: "GGGGGGG",
                milestones: ["contract management toolkit", "training for contract managers", "social value reporting on major contracts", "annual social value report"] },
            Project { title: "Office rationalisation and surplus property disposals", service: "asset-management", councils: "HN", owner: "Head of Strategic Property", due: "2022-12-31", start: 0, track: "AARRAAR",
                milestones: ["review of office needs after the pandemic", "marketing of the surplus office buildings", "exchange of contracts on the first disposal", "consolidation into the remaining offices"] },
        ],
    ),
];

fn strategy_quarters() -> Vec<(i32, u32)> {
    vec![
        (2020, 1),
        (2020, 2),
        (2020, 3),
        (2020, 4),
        (2021, 1),
        (2021, 2),
        (2021, 3),
    ]
}

fn project_slip(fy: i32, q: u32, rng: &mut Rng) -> String {
    match (fy, q) {
        (2020, 1) => "Paused during the first national lockdown while staff supported the councils' COVID-19 response".into(),
        (2020, 3) => "Slowed by the second national lockdown in November and staff absence".into(),
        (2020, 4) => "Delayed by the third national lockdown from January, with staff redeployed to the vaccination and grants programmes".into(),
        _ => rng
            .pick(&[
                "The lead officer post was vacant for part of the quarter",
                "Supplier resourcing problems delayed the work",
                "Decisions were held up waiting for the councils' governance timetables",
                "Resources were diverted to budget-setting work",
                "Dependencies on other projects slipped",
            ])
            .to_string(),
    }
}

fn project_json(pid: String, p: &Project) -> Value {
    let mut rng = Rng::keyed(SEED, &pid);
    let qs = strategy_quarters();
    let track: Vec<char> = p.track.chars().collect();
    assert!(p.start + track.len() <= qs.len(), "{pid}: track too long");
    let mut updates = Vec::new();
    for (j, st) in track.iter().enumerate() {
        let (fy, q) = qs[p.start + j];
        let phase = |j: usize| (j * p.milestones.len() / track.len()).min(p.milestones.len() - 1);
        let mi = phase(j);
        let phase_end = j + 1 == track.len() || phase(j + 1) != mi;
        let m = p.milestones[mi];
        let nextm = p.milestones[(mi + 1).min(p.milestones.len() - 1)];
        let end = add_months(quarter_start(fy, q), 2);
        let later = MONTHS[add_months(end, rng.int(2, 4) as i32).1 as usize - 1];
        let (status, text) = match st {
            'G' => (
                "green",
                if phase_end && mi + 1 < p.milestones.len() {
                    match rng.below(2) {
                        0 => format!("On track. Completed this quarter: {m}; next, {nextm}."),
                        _ => format!("Progressing to plan: {m} done; work on {nextm} has started."),
                    }
                } else {
                    match rng.below(2) {
                        0 => format!("On track: {m} under way and on schedule."),
                        _ => format!("Good progress on {m}; no issues to escalate."),
                    }
                },
            ),
            'A' => (
                "amber",
                format!("{}; {m} now expected in {later}.", project_slip(fy, q, &mut rng)),
            ),
            'R' => (
                "red",
                format!(
                    "{}. The planned date for {m} will not be met; a revised plan goes to the Joint Committee in {later}.",
                    project_slip(fy, q, &mut rng)
                ),
            ),
            'C' => (
                "complete",
                format!("Complete: {m} done and the project closed; benefits handed over to the service."),
            ),
            _ => ("not_started", format!("Not started; due to begin in {later}.")),
        };
        updates
            .push(json!({ "period": quarter_label(fy, q), "status": status, "commentary": text }));
    }
    json!({
        "id": pid,
        "title": p.title,
        "service": p.service,
        "councils": council_ids(p.councils),
        "owner": p.owner,
        "due": p.due,
        "updates": updates,
    })
}

fn priorities_json() -> Vec<Value> {
    PRIORITIES
        .iter()
        .enumerate()
        .map(|(i, (title, desc, projects))| {
            let pid = format!("P{}", i + 1);
            let projects: Vec<Value> = projects
                .iter()
                .enumerate()
                .map(|(k, p)| project_json(format!("{pid}-{}", k + 1), p))
                .collect();
            json!({ "id": pid, "title": title, "description": desc, "projects": projects })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Improvement plan 2019/20: themes, areas, actions.

const THEMES: [(&str, &str); 4] = [
    ("T1", "Improved operational delivery"),
    ("T2", "Improved strategic impact and presence"),
    ("T3", "Communication, culture and branding"),
    ("T4", "Value for Money"),
];

/// (title, owner, councils, due, milestone)
type Act = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
/// (theme, title, service, priority, actions)
type Area = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [Act],
);

const AREAS: &[Area] = &[
    // T1 Improved operational delivery.
    ("T1", "ICT service desk responsiveness and first-time fix", Some("ict"), "P1", &[
        ("Launch a self-service portal for password resets and common requests", "Head of ICT Service Delivery", "HN", "2019-12-31", "go-live of the portal"),
        ("Agree revised incident and request SLAs with each council", "Director of ICT", "HN", "2019-09-30", "sign-off of the revised SLAs"),
    ]),
    ("T1", "Resilience of ICT infrastructure and disaster recovery", Some("ict"), "P1", &[
        ("Move Havering's primary data centre to resilient hosting", "Head of ICT Infrastructure", "H", "2020-03-31", "cut-over of the remaining servers"),
        ("Run a full disaster recovery test for critical systems", "Head of ICT Infrastructure", "HN", "2020-02-29", "the disaster recovery test"),
    ]),
    ("T1", "ICT demand management and project delivery", Some("ict"), "P3", &[
        ("Set up a single ICT demand pipeline and prioritisation board for each council", "Director of ICT", "HN", "2019-10-31", "the first meeting of each prioritisation board"),
        ("Publish monthly ICT project status reports to commissioners", "ICT Programme Manager", "HN", "2019-11-30", "the first published status report"),
    ]),
    ("T1", "End-user devices and the Windows 10 migration", Some("ict"), "P3", &[
        ("Roll out Windows 10 laptops to Newham staff", "Head of ICT Service Delivery", "N", "2020-03-31", "the remaining directorate rollouts"),
        ("Replace end-of-life desktops in Havering", "Head of ICT Service Delivery", "H", "2020-06-30", "the desktop replacement programme"),
    ]),
    ("T1", "Statutory compliance across the operational estate", Some("asset-management"), "P1", &[
        ("Complete fire risk assessments for all operational buildings", "Head of Asset Management", "HN", "2019-12-31", "the final fire risk assessments"),
        ("Record all compliance certificates in the property management system", "Property Compliance Manager", "HN", "2020-03-31", "the full upload of certificates"),
    ]),
    ("T1", "Planned and reactive maintenance", Some("asset-management"), "P1", &[
        ("Re-procure the repairs and maintenance contract for Havering's corporate buildings", "Head of Asset Management", "H", "2020-04-30", "contract award"),
        ("Publish a building-by-building planned maintenance programme for 2020/21", "Head of Building Services", "HN", "2020-02-29", "publication of the 2020/21 programme"),
    ]),
    ("T1", "Recruitment timescales", Some("hr-od"), "P4", &[
        ("Implement the e-recruitment and applicant tracking system", "Head of HR Operations", "HN", "2019-11-30", "system go-live"),
        ("Introduce a 'right first time' checklist and training for hiring managers", "HR Business Partner Lead", "HN", "2019-09-30", "the hiring manager briefings"),
    ]),
    ("T1", "Sickness absence", Some("hr-od"), "P4", &[
        ("Send monthly absence reports and targeted support to the services with the highest absence", "Head of HR Business Partnering", "HN", "2019-09-30", "the first monthly reports to directorate teams"),
        ("Refresh the attendance management policy and train managers", "Head of HR Policy", "HN", "2020-03-31", "consultation with the trade unions on the policy"),
    ]),
    ("T1", "Payroll accuracy and timeliness", Some("exchequer"), "P1", &[
        ("Introduce pre-payroll validation checks to catch errors before pay day", "Payroll Manager", "HNB", "2019-10-31", "the validation checks"),
        ("Move the remaining paper timesheets to self-service", "Payroll Manager", "HN", "2020-03-31", "self-service timesheets for the remaining teams"),
    ]),
    ("T1", "Paying suppliers on time", Some("exchequer"), "P1", &[
        ("Roll out 'no purchase order, no pay' to all services", "Head of Exchequer & Transactional Services", "HN", "2019-12-31", "full enforcement of the rule"),
        ("Introduce invoice scanning and automated matching", "Accounts Payable Manager", "HNB", "2020-03-31", "go-live of automated matching"),
    ]),
    ("T1", "Budget monitoring and forecasting", Some("strategic-finance"), "P5", &[
        ("Give budget holders self-service access to monthly forecasts", "Head of Strategic Finance", "HN", "2020-01-31", "the budget holder dashboards"),
        ("Deliver budget management training for all budget holders", "Finance Business Partner Lead", "HNB", "2019-12-31", "the remaining training sessions"),
    ]),
    ("T1", "Closing the accounts", Some("strategic-finance"), "P5", &[
        ("Bring the draft statement of accounts forward to 31 May 2020", "Chief Accountant", "HNB", "2020-05-31", "the faster-close timetable"),
        ("Clear the 2018/19 external audit recommendations", "Chief Accountant", "HN", "2019-09-30", "clearance of the audit recommendations"),
    ]),
    ("T1", "Debt recovery", Some("exchequer"), "P5", &[
        ("Agree a common corporate debt recovery policy", "Head of Income & Debt", "HNB", "2019-10-31", "approval of the policy by the s151 officers"),
        ("Write off or pursue all sundry debts older than two years", "Head of Income & Debt", "HN", "2020-03-31", "the aged debt review"),
    ]),
    ("T1", "Responding to complaints and Member enquiries", None, "P1", &[
        ("Introduce a single tracking process for complaints and Member enquiries across oneSource", "Head of Business Services", "HN", "2019-09-30", "the tracking process"),
        ("Report response times to each council's leadership team monthly", "Business Improvement & Analysis Officer", "HN", "2019-11-30", "the first monthly report"),
    ]),
    ("T1", "Information governance: FOI and subject access requests", None, "P1", &[
        ("Clear the backlog of overdue subject access requests", "Information Governance Manager", "HN", "2020-01-31", "clearance of the backlog"),
        ("Publish frequently requested information to reduce FOI volumes", "Information Governance Manager", "HN", "2020-03-31", "the publication scheme refresh"),
    ]),
    ("T1", "Service standards for every oneSource service", None, "P1", &[
        ("Agree service standards with each council for every service", "Executive Director, oneSource", "HNB", "2020-03-31", "agreement of the standards with commissioners"),
    ]),
    ("T1", "Performance management and quarterly reporting", None, "P2", &[
        ("Agree the oneSource performance indicator set for 2019/20", "Business Improvement & Analysis Officer", "HNB", "2019-07-31", "Joint Committee approval of the indicator set"),
        ("Report performance quarterly to the Joint Committee and the s151 officers", "Business Improvement & Analysis Officer", "HNB", "2020-03-31", "the quarterly performance report"),
    ]),
    ("T1", "Business continuity", None, "P1", &[
        ("Update the business continuity plan for every oneSource service", "Head of Assurance", "HN", "2019-12-31", "sign-off of the updated plans"),
        ("Run a business continuity exercise with each council", "Head of Assurance", "HN", "2020-03-31", "the exercise"),
    ]),
    // T2 Improved strategic impact and presence.
    ("T2", "Finance business partnering", Some("strategic-finance"), "P2", &[
        ("Name a finance business partner for each directorate", "Head of Strategic Finance", "HNB", "2019-08-31", "confirmation of the named partners"),
        ("Attend directorate management teams monthly", "Finance Business Partner Lead", "HN", "2020-03-31", "regular attendance at directorate meetings"),
    ]),
    ("T2", "Medium-term financial strategy", Some("strategic-finance"), "P5", &[
        ("Support each council's refresh of its medium-term financial strategy", "Deputy Director of Finance", "HNB", "2020-02-29", "the February budget reports"),
    ]),
    ("T2", "Strategic asset management and regeneration", Some("asset-management"), "P2", &[
        ("Produce a strategic asset management plan for each council", "Head of Asset Management", "HN", "2020-03-31", "the draft asset management plans"),
        ("Provide property advice to Havering's regeneration joint ventures", "Head of Strategic Property", "H", "2020-06-30", "the site appraisals"),
    ]),
    ("T2", "Workforce strategy", Some("hr-od"), "P4", &[
        ("Develop a oneSource workforce strategy with succession plans for hard-to-recruit roles", "Director of HR & OD", "HN", "2020-03-31", "the draft workforce strategy"),
        ("Extend the apprenticeship programme to every directorate", "Head of Organisational Development", "HN", "2020-06-30", "the next apprenticeship intake"),
    ]),
    ("T2", "ICT strategy aligned to the councils' digital plans", Some("ict"), "P3", &[
        ("Agree an ICT roadmap with each council", "Director of ICT", "HN", "2020-02-29", "agreement of the roadmaps"),
        ("Set up a technical design authority for new systems", "Head of ICT Architecture", "HN", "2019-10-31", "the first design authority meeting"),
    ]),
    ("T2", "Relationship management with the partner councils", None, "P2", &[
        ("Name a oneSource relationship lead for each council directorate", "Executive Director, oneSource", "HNB", "2019-09-30", "the named relationship leads"),
        ("Hold quarterly commissioning reviews with each council", "Executive Director, oneSource", "HNB", "2020-03-31", "the quarterly reviews"),
    ]),
    ("T2", "Supporting the councils' corporate priorities", None, "P2", &[
        ("Map every service plan to the partner councils' corporate plans", "Head of Business Improvement", "HNB", "2019-08-31", "completion of the mapping"),
        ("Support Newham's community wealth building programme through procurement and HR policies", "Head of Procurement", "N", "2020-03-31", "the community wealth building action plan"),
    ]),
    ("T2", "Legal support for major projects", None, "P2", &[
        ("Set up a dedicated regeneration legal team", "Director of Legal & Governance", "HN", "2020-03-31", "recruitment to the regeneration legal team"),
        ("Agree legal resourcing plans for major projects with each council", "Director of Legal & Governance", "HN", "2020-03-31", "the resourcing plans"),
    ]),
    ("T2", "Procurement strategy and social value", None, "P2", &[
        ("Adopt a social value framework for all contracts over £100k", "Head of Procurement", "HN", "2019-11-30", "Cabinet approval of the framework"),
        ("Publish a forward procurement plan for each council", "Head of Procurement", "HN", "2020-01-31", "the forward plans"),
    ]),
    ("T2", "Data and business intelligence", None, "P3", &[
        ("Build a shared performance dashboard for the indicator set", "Business Improvement & Analysis Officer", "HNB", "2020-06-30", "the first version of the dashboard"),
        ("Agree data-sharing protocols between oneSource and each council", "Information Governance Manager", "HNB", "2020-03-31", "sign-off of the protocols"),
    ]),
    // T3 Communication, culture and branding.
    ("T3", "oneSource identity and branding", None, "P2", &[
        ("Refresh the oneSource brand and email signatures", "Head of Communications", "HN", "2019-10-31", "the brand refresh"),
        ("Publish a oneSource annual review", "Head of Communications", "HNB", "2020-06-30", "the annual review"),
    ]),
    ("T3", "Staff engagement", None, "P4", &[
        ("Run the oneSource staff survey and publish the results", "Head of Organisational Development", "HN", "2019-11-30", "publication of the survey results"),
        ("Support the work programme of the staff engagement group (ONCE)", "Head of Organisational Development", "HN", "2020-03-31", "the ONCE work programme"),
    ]),
    ("T3", "Internal communications", None, "P4", &[
        ("Start a monthly all-staff bulletin and quarterly briefings by the Executive Director", "Head of Communications", "HN", "2019-09-30", "the briefing programme"),
    ]),
    ("T3", "Customer feedback", None, "P1", &[
        ("Run an annual customer satisfaction survey of council managers", "Business Improvement & Analysis Officer", "HNB", "2020-02-29", "the survey"),
        ("Introduce 'you said, we did' reporting", "Head of Business Services", "HN", "2020-04-30", "the first 'you said, we did' report"),
    ]),
    ("T3", "Service catalogue", None, "P1", &[
        ("Publish a service catalogue on each council's intranet", "Head of Business Services", "HNB", "2019-12-31", "publication on the intranets"),
    ]),
    ("T3", "Leadership development", Some("hr-od"), "P4", &[
        ("Launch a leadership programme for oneSource managers", "Head of Organisational Development", "HN", "2020-01-31", "the first cohort"),
        ("Introduce 360-degree feedback for senior managers", "Director of HR & OD", "HN", "2020-06-30", "the 360-degree feedback round"),
    ]),
    ("T3", "Values and behaviours", None, "P4", &[
        ("Agree oneSource values and behaviours with staff", "Executive Director, oneSource", "HN", "2019-10-31", "the staff workshops"),
        ("Build the values into appraisal and recruitment", "Head of HR Policy", "HN", "2020-04-30", "the revised appraisal form"),
    ]),
    ("T3", "Communication with Members", None, "P2", &[
        ("Brief Members on oneSource services after each Joint Committee", "Executive Director, oneSource", "HNB", "2020-03-31", "the Member briefings"),
        ("Produce a Members' guide to oneSource services", "Head of Communications", "HNB", "2020-03-31", "the Members' guide"),
    ]),
    ("T3", "Recognising achievement", None, "P4", &[
        ("Introduce a oneSource staff awards scheme", "Head of Organisational Development", "HN", "2020-03-31", "the first awards ceremony"),
    ]),
    // T4 Value for Money.
    ("T4", "Delivering the 2019/20 savings programme", Some("strategic-finance"), "P5", &[
        ("Track delivery of every 2019/20 savings proposal monthly", "Deputy Director of Finance", "HNB", "2020-03-31", "month-by-month savings tracking"),
        ("Identify options for 2020/21 savings", "Executive Director, oneSource", "HNB", "2019-10-31", "the options paper to the s151 officers"),
    ]),
    ("T4", "Service reviews", None, "P5", &[
        ("Complete the four pilot service reviews and agree a rolling programme", "Head of Business Improvement", "HN", "2019-09-30", "the review programme"),
        ("Review the Exchequer operating model", "Head of Exchequer & Transactional Services", "HNB", "2020-06-30", "the operating model proposal"),
    ]),
    ("T4", "Benchmarking", None, "P5", &[
        ("Benchmark the cost and performance of back-office services against other London boroughs", "Head of Business Improvement", "HNB", "2020-03-31", "the benchmarking report"),
    ]),
    ("T4", "Office accommodation", Some("asset-management"), "P5", &[
        ("Rationalise office accommodation", "Head of Asset Management", "HN", "2020-06-30", "the accommodation moves"),
        ("Dispose of surplus buildings identified in the asset review", "Head of Strategic Property", "HN", "2020-03-31", "exchange of contracts"),
    ]),
    ("T4", "ICT contracts and licences", Some("ict"), "P5", &[
        ("Rationalise software licences across both councils", "Head of ICT Commercial", "HN", "2020-03-31", "the licence true-up"),
        ("Re-let the telephony contract", "Head of ICT Commercial", "HN", "2019-12-31", "contract award"),
        ("Move remaining fixed lines to Microsoft Teams calling", "Head of ICT Commercial", "HN", "2020-06-30", "the pilot with two services"),
    ]),
    ("T4", "Income generation", None, "P5", &[
        ("Review traded services to schools and academies", "Head of Business Services", "HN", "2020-01-31", "the traded services review"),
    ]),
    ("T4", "Funding formula and recharges", Some("strategic-finance"), "P5", &[
        ("Review the oneSource funding formula with the partner councils", "Deputy Director of Finance", "HNB", "2020-03-31", "agreement of the revised formula"),
    ]),
    ("T4", "Agency and interim spend", Some("hr-od"), "P5", &[
        ("Reduce agency spend through permanent recruitment to long-term vacancies", "Director of HR & OD", "HN", "2020-03-31", "recruitment to the long-term vacancies"),
        ("Introduce monthly approval of agency assignments over 12 weeks", "Head of HR Operations", "HN", "2019-08-31", "the approval process"),
    ]),
];

#[derive(Default)]
struct ActionSummary {
    total: usize,
    green: usize,
    amber: usize,
    red: usize,
    complete: usize,
    not_started: usize,
    overdue: usize,
}

/// Months from 1 April 2019 to the end of the month of a date.
fn months_from_april_2019(date: &str) -> f64 {
    let y: i32 = date[0..4].parse().unwrap();
    let m: i32 = date[5..7].parse().unwrap();
    ((y - 2019) * 12 + m - 3) as f64
}

/// Financial-year quarter index (0 = Q1) of a 2019/20 date; 3 for anything from January 2020.
fn quarter_index(date: &str) -> usize {
    let y: i32 = date[0..4].parse().unwrap();
    let m: u32 = date[5..7].parse().unwrap();
    if y > 2019 {
        3
    } else {
        ((m as usize + 8) % 12) / 3
    }
}

const SLIPS: &[&str] = &[
    "The lead officer was on leave for part of the quarter",
    "Waiting for sign-off from the partner councils' commissioning leads",
    "Resources diverted to 2020/21 budget setting",
    "Supplier delivery slipped by about six weeks",
    "Consultation with the trade unions took longer than planned",
    "Dependent on the ICT roadmap, which is not yet agreed",
    "The specification had to be revised after feedback from service managers",
    "Recruitment to the project post took longer than expected",
];

const Q3_SLIPS: &[&str] = &[
    "The pre-election period for the 12 December general election delayed engagement with Members",
    "Year-end budget work for both councils took priority in November and December",
];

const STALLS: &[&str] = &[
    "No progress this quarter: the funding for the additional post has not been agreed",
    "Stalled while the partner councils decide the scope; escalated to the s151 officers",
    "The supplier has not delivered and the contract is being reviewed",
    "Held up by the restructure of the service, which is still out to consultation",
];

fn action_json(aid: String, act: &Act, sum: &mut ActionSummary) -> Value {
    let (title, owner, councils, due, milestone) = *act;
    assert!(
        ("2019-06-30"..="2020-06-30").contains(&due),
        "{aid}: due {due}"
    );
    let mut rng = Rng::keyed(SEED, &aid);
    let due_in_2019 = due < AS_OF;
    // Final status at 2019-20-Q3.
    let u = rng.unit();
    let fin = if due_in_2019 {
        if u < 0.8 {
            "complete"
        } else if u < 0.93 {
            "amber"
        } else {
            "red"
        }
    } else if due == AS_OF {
        if u < 0.4 {
            "complete"
        } else if u < 0.75 {
            "green"
        } else {
            "amber"
        }
    } else if u < 0.04 {
        "complete"
    } else if u < 0.12 {
        "not_started"
    } else if u < 0.82 {
        "green"
    } else if u < 0.95 {
        "amber"
    } else {
        "red"
    };
    // Quarter (0..=2) in which the action completes, if it does.
    let done_q = if fin == "complete" {
        let q = quarter_index(due).min(2);
        Some(if q < 2 && rng.chance(0.25) { q + 1 } else { q })
    } else {
        None
    };
    let first_q = if fin == "not_started" || (!due_in_2019 && rng.chance(0.15)) {
        1
    } else {
        0
    };
    let last_q = done_q.unwrap_or(2);
    let span = months_from_april_2019(due).max(3.0);
    let factor = match fin {
        "green" | "complete" => rng.range(0.9, 1.1),
        "amber" => rng.range(0.55, 0.75),
        _ => rng.range(0.25, 0.45),
    };
    let mut updates = Vec::new();
    let mut prev_pct = 0i64;
    for qi in first_q..=last_q {
        let period = quarter_label(2019, qi as u32 + 1);
        let qend = (qi as f64 + 1.0) * 3.0;
        let end_month = add_months((2019, 6), 3 * qi as i32);
        let due_month = (
            due[0..4].parse::<i32>().unwrap(),
            due[5..7].parse::<u32>().unwrap(),
        );
        let to_due =
            (due_month.0 * 12 + due_month.1 as i32) - (end_month.0 * 12 + end_month.1 as i32);
        let due_name = MONTHS[due_month.1 as usize - 1];
        let next = MONTHS
            [add_months(end_month, rng.int(1, to_due.clamp(1, 3) as i64) as i32).1 as usize - 1];
        let month_in = MONTHS[add_months(end_month, -(rng.int(0, 2) as i32)).1 as usize - 1];
        let is_last = qi == last_q;
        let status = if fin == "not_started" {
            "not_started"
        } else if is_last {
            fin
        } else if (fin == "red" && qi + 1 == last_q)
            || ((fin == "amber" || fin == "red") && rng.chance(0.3))
        {
            "amber"
        } else {
            "green"
        };
        let pct = match status {
            "not_started" => 0,
            "complete" => 100,
            _ => {
                let expected = (qend / span).min(1.0) * factor * 100.0;
                let p = ((expected / 5.0).round() * 5.0) as i64;
                p.clamp(prev_pct.max(5), 95)
            }
        };
        prev_pct = pct;
        let text = match status {
            "complete" => {
                let dq = quarter_index(due);
                if qi < dq {
                    format!("Complete ahead of schedule: {milestone} achieved in {month_in}.")
                } else if qi == dq {
                    format!(
                        "Complete. {} delivered on time in {}.",
                        cap(milestone),
                        MONTHS[due_month.1 as usize - 1]
                    )
                } else {
                    format!("Complete: {milestone} achieved in {month_in}, later than the planned date.")
                }
            }
            "green" if is_last && due == AS_OF => {
                format!("On track: {pct}% complete; {milestone} due by 31 December.")
            }
            "green" => match rng.below(3) {
                0 => format!("On track: {pct}% complete; {milestone} planned for {due_name}."),
                1 => format!("Progressing to plan. Next milestone: {milestone}."),
                _ => format!("On schedule; {milestone} expected by {due_name}."),
            },
            "amber" => {
                let slip = if qi == 2 && rng.chance(0.4) {
                    *rng.pick(Q3_SLIPS)
                } else {
                    *rng.pick(SLIPS)
                };
                let late = MONTHS[add_months(end_month, rng.int(2, 4) as i32).1 as usize - 1];
                if due_in_2019 && is_last {
                    format!("Overdue. {slip}; {milestone} now expected in {late}.")
                } else {
                    format!("{slip}; {milestone} now expected in {late}.")
                }
            }
            "red" => format!(
                "{}. Recovery plan to the s151 officers in {next}.",
                rng.pick(STALLS)
            ),
            _ => format!(
                "Not started: scheduled to begin in {next}, after {}.",
                rng.pick(&[
                    "the 2020/21 budget is agreed",
                    "the ICT roadmap is signed off",
                    "the restructure is complete",
                    "the current contract ends"
                ])
            ),
        };
        updates.push(json!({
            "period": period,
            "status": status,
            "percent_complete": pct,
            "commentary": text,
        }));
    }
    sum.total += 1;
    match fin {
        "complete" => sum.complete += 1,
        "green" => sum.green += 1,
        "amber" => sum.amber += 1,
        "red" => sum.red += 1,
        _ => sum.not_started += 1,
    }
    if due_in_2019 && fin != "complete" {
        sum.overdue += 1;
    }
    json!({
        "id": aid,
        "title": title,
        "owner": owner,
        "councils": council_ids(councils),
        "due": due,
        "updates": updates,
    })
}

fn themes_json(sum: &mut ActionSummary) -> Vec<Value> {
    assert_eq!(AREAS.len(), 45, "the improvement plan has 45 areas");
    let mut themes = Vec::new();
    for (tid, ttitle) in THEMES {
        let mut areas = Vec::new();
        for (i, (theme, title, svc, priority, acts)) in AREAS.iter().enumerate() {
            if *theme != tid {
                continue;
            }
            let aid = format!("A{:02}", i + 1);
            let actions: Vec<Value> = acts
                .iter()
                .enumerate()
                .map(|(k, a)| action_json(format!("{aid}-{}", k + 1), a, sum))
                .collect();
            let mut o = Map::new();
            o.insert("id".into(), json!(aid));
            o.insert("title".into(), json!(title));
            if let Some(s) = svc {
                o.insert("service".into(), json!(s));
            }
            o.insert("priority".into(), json!(priority));
            o.insert("actions".into(), Value::Array(actions));
            areas.push(Value::Object(o));
        }
        themes.push(json!({ "id": tid, "title": ttitle, "areas": areas }));
    }
    themes
}

// ---------------------------------------------------------------------------------------------

pub fn generate() -> Value {
    let inds = operational_indicators();
    assert_eq!(inds.len(), 120, "120 operational indicators");
    for (council, want) in [("newham", 51), ("havering", 60), ("bexley", 9)] {
        let got = inds.iter().filter(|i| i.council == council).count();
        assert_eq!(got, want, "operational indicators for {council}");
    }

    // Plan the latest-period rating of every indicator.
    let mut plans: Vec<Plan> = vec![Plan::Rag(Rag::Green); inds.len()];
    let mut open = Vec::new();
    let (mut g, mut a, r) = LATEST_MIX;
    for (k, ind) in inds.iter().enumerate() {
        plans[k] = if ind.tpl.higher.is_none() {
            Plan::DataOnly
        } else if NO_ACTUAL.iter().any(|x| x.0 == ind.id) {
            Plan::NoActual
        } else if ind.id == "EX-01-LBB" {
            g -= 1;
            Plan::Exact
        } else if ind.id == "AM-03-LBN" {
            a -= 1;
            Plan::Rag(Rag::Amber)
        } else {
            open.push(k);
            continue;
        };
    }
    assert_eq!(
        open.len(),
        g + a + r,
        "latest mix must cover every rated indicator"
    );
    let mut mix: Vec<Rag> = std::iter::repeat_n(Rag::Green, g)
        .chain(std::iter::repeat_n(Rag::Amber, a))
        .chain(std::iter::repeat_n(Rag::Red, r))
        .collect();
    Rng::new(SEED).shuffle(&mut mix);
    for (k, rag) in open.iter().zip(mix) {
        plans[*k] = Plan::Rag(rag);
    }

    let mut summary = Summary {
        green: 0,
        amber: 0,
        red: 0,
        no_actual: 0,
        data_only: 0,
    };
    let mut indicators = key_indicators();
    for (ind, plan) in inds.iter().zip(&plans) {
        indicators.push(indicator_json(ind, *plan, &mut summary));
    }

    let mut asum = ActionSummary::default();
    let themes = themes_json(&mut asum);
    let priorities = priorities_json();

    let services: Vec<Value> = SERVICES
        .iter()
        .map(|s| json!({ "id": s.id, "name": s.name, "councils": council_ids(s.councils) }))
        .collect();
    let councils: Vec<Value> = COUNCILS
        .iter()
        .map(|c| json!({ "id": c.0, "name": c.1, "short": c.2 }))
        .collect();

    // Summary for the person running the generator.
    eprintln!("onesource: operational indicators by council:");
    for c in COUNCILS {
        let n = inds.iter().filter(|i| i.council == c.0).count();
        eprintln!("  {:<9} {n}", c.0);
    }
    eprintln!(
        "  key strategic indicators: 4, the shared service's (Council Tax collection for havering only), in no council's count"
    );
    let total = inds.len() as f64;
    let pc = |n: usize| 100.0 * n as f64 / total;
    eprintln!(
        "onesource: latest status (2019-20-Q3; Dec 2019 for monthly): green {} ({:.0}%), amber {} ({:.0}%), red {} ({:.0}%), no actual yet {}, data only {}",
        summary.green,
        pc(summary.green),
        summary.amber,
        pc(summary.amber),
        summary.red,
        pc(summary.red),
        summary.no_actual,
        summary.data_only
    );
    eprintln!(
        "onesource: improvement actions {}: complete {}, green {}, amber {}, red {}, not started {}; overdue {}",
        asum.total, asum.complete, asum.green, asum.amber, asum.red, asum.not_started, asum.overdue
    );

    json!({
        "format": "golden-thread/1",
        "title": "oneSource performance",
        "organisation": "oneSource",
        "description": DESCRIPTION,
        "illustrative": true,
        "as_of": AS_OF,
        "default_tolerance": { "percent": 10 },
        "councils": councils,
        "services": services,
        "priorities": priorities,
        "themes": themes,
        "definitions": definitions_json(),
        "indicators": indicators,
    })
}
