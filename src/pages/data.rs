//! About the data: what is loaded, exporting it, and importing files.

use crate::adapters::download;
use crate::edits;
use crate::importing::{self, use_importer, CsvChoice, Pending, Readable};
use crate::state::{use_app, use_data, Kept, Load, Origin};
use gt_core::route::Route;
use leptos::prelude::*;

fn today() -> String {
    edits::now_iso().get(..10).unwrap_or("").to_string()
}

/// The one button that imports a CSV return's readable rows and leaves the others out, with
/// what that would do.
fn readable_button(
    state: crate::state::AppState,
    importer: importing::Importer,
    name: &str,
    readable: Readable,
    merge: bool,
    testid: &'static str,
) -> impl IntoView {
    let label = readable.label(merge);
    let rows = &readable.rows_left_out;
    let hint = format!(
        "That leaves out row{} {} and makes these changes: {}. Nothing is changed until you choose.",
        if rows.len() == 1 { "" } else { "s" },
        rows.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
        readable.changes
    );
    let name = name.to_string();
    let go = move |_| importing::use_readable(&state, importer, &name, readable.clone());
    view! {
        <p class="gt-hint">{hint}</p>
        <button type="button" class="gt-button" on:click=go data-testid=testid>{label}</button>
    }
}

#[component]
fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let importer = use_importer();
    // The name of the file chosen last, for the line beside the button.
    let chosen = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            chosen.set(Some(file.name()));
            importing::begin(state, importer, file);
        }
        // Choosing the same file again must work too.
        input.set_value("");
    };
    let cancel = move |_| importer.pending.set(Pending::Nothing);
    let pending = move || {
        match importer.pending.get() {
        Pending::Nothing => ().into_any(),
        Pending::Reading(name) => view! { <p class="gt-body" role="status" data-testid="import-status">{format!("Reading {name}…")}</p> }.into_any(),
        Pending::Refused { name, problems, offers } => {
            let any_offer = !offers.is_empty();
            let offers = offers.into_iter().map(|o| {
                let testid = if o.merge { "import-readable" } else { "import-new-readable" };
                view! {
                    <div class="gt-import-choice">
                        {readable_button(state, importer, &name, o.readable, o.merge, testid)}
                    </div>
                }
            }).collect_view();
            view! {
                <div class="gt-error-summary" role="alert" data-testid="import-errors">
                    <h3 class="gt-heading-m">{format!("{name} cannot be imported as it is")}</h3>
                    <p>{format!("{} problem{} found. Nothing has been changed: your data and your changes are as they were.", problems.len(), if problems.len() == 1 { " was" } else { "s were" })}</p>
                    <ul class="gt-error-summary__list" data-testid="import-problems">{problems.into_iter().take(200).map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    {if any_offer {
                        view! { <p>"Fix the file and import it again, or import the rows that can be read and leave these out:"</p> }.into_any()
                    } else {
                        view! { <p>"Fix the file and import it again."</p> }.into_any()
                    }}
                    {offers}
                    <button type="button" class="gt-button gt-button--secondary" on:click=cancel data-testid="import-cancel">{if any_offer { "Cancel" } else { "Close" }}</button>
                </div>
            }.into_any()
        }
        Pending::Dataset { name, text, data, summary } => {
            let confirm = move |_| importing::use_dataset_text(&state, importer, &name, data.clone(), &text);
            view! {
                <div class="gt-inset gt-import-preview" data-testid="import-preview">
                    <h3 class="gt-heading-m">"Check before you import"</h3>
                    <ul class="gt-list gt-list--bullet">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    <p>"Importing replaces the data shown in this browser. You can go back to the built-in data at any time."</p>
                    <div class="gt-edit-form__actions">
                        <button type="button" class="gt-button" on:click=confirm data-testid="import-confirm">"Use this data"</button>
                        <button type="button" class="gt-button gt-button--secondary" on:click=cancel data-testid="import-cancel">"Cancel"</button>
                    </div>
                </div>
            }.into_any()
        }
        Pending::Csv { name, merged, fresh } => {
            let choice = |label: &'static str, testid: &'static str, merge: bool, c: CsvChoice, name: String| match c.whole {
                Ok(ready) => {
                    let importing::Ready { data, json, lines } = ready;
                    let go = move |_| importing::use_dataset_text(&state, importer, &name, data.clone(), &json);
                    view! {
                        <div class="gt-import-choice">
                            <ul class="gt-list gt-list--bullet">{lines.into_iter().take(30).map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                            <button type="button" class="gt-button" on:click=go data-testid=testid>{label}</button>
                        </div>
                    }.into_any()
                }
                Err(problems) => {
                    let n = problems.len();
                    let offer = c.readable.map(|r| readable_button(state, importer, &name, r, merge, if merge { "import-readable" } else { "import-new-readable" }));
                    view! {
                        <div class="gt-import-choice"><p>{format!("{label}: not possible for the whole file ({n} problem{}).", if n == 1 { "" } else { "s" })}</p>
                            <ul class="gt-error-summary__list">{problems.into_iter().take(200).map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            {offer}</div>
                    }.into_any()
                }
            };
            view! {
                <div class="gt-inset gt-import-preview" data-testid="import-preview">
                    <h3 class="gt-heading-m">{format!("Figures from {name}")}</h3>
                    <h4 class="gt-heading-s">"Add them to the data shown now"</h4>
                    {choice("Add to the current data", "import-merge", true, *merged, name.clone())}
                    <h4 class="gt-heading-s">"Or open them as a new set of data"</h4>
                    {choice("Open as new data", "import-new", false, *fresh, name.clone())}
                    <button type="button" class="gt-button gt-button--secondary" on:click=cancel data-testid="import-cancel">"Cancel"</button>
                </div>
            }.into_any()
        }
        Pending::Changes { name, saved, summary } => {
            let go = move |_| {
                let mut added = 0;
                state.edits.update(|l| added = l.merge(&saved.changes));
                importer.pending.set(Pending::Done(format!("{added} changes from {name} have been added to your changes.")));
            };
            view! {
                <div class="gt-inset gt-import-preview" data-testid="import-preview">
                    <h3 class="gt-heading-m">"Changes to import"</h3>
                    <ul class="gt-list gt-list--bullet">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    <div class="gt-edit-form__actions">
                        <button type="button" class="gt-button" on:click=go data-testid="import-confirm">"Add these changes"</button>
                        <button type="button" class="gt-button gt-button--secondary" on:click=cancel data-testid="import-cancel">"Cancel"</button>
                    </div>
                </div>
            }.into_any()
        }
        Pending::Done(msg) => view! { <p class="gt-confirm" role="status" data-testid="import-done">{msg}</p> }.into_any(),
        Pending::DoneLeavingOut { message, left_out } => view! {
            <div class="gt-confirm" role="status" data-testid="import-done">
                <p>{message}</p>
                <ul class="gt-list gt-list--bullet" data-testid="import-left-out">{left_out.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }.into_any(),
    }
    };
    view! {
        <h2 class="gt-heading-l" id="import">"Import"</h2>
        <p class="gt-body">"Open a data file (JSON, format golden-thread/1), add a quarter's figures from a CSV return, or add changes a colleague exported. Every file is checked in full before anything changes."</p>
        <div class="gt-dropzone">
            // A file upload in the GOV.UK manner: the native input stays in the tab order and
            // keeps its name, visually hidden; the label beside it is the button people see,
            // and shows the keyboard focus the input has.
            <div class="gt-form-group">
                <p class="gt-label" id="import-label">"Choose a file"</p>
                <p class="gt-hint" id="import-hint">"JSON or CSV, up to 30 MB. Or drag a file and drop it anywhere on this page."</p>
                <div class="gt-file-upload">
                    <input type="file" id="import-file" class="gt-file-upload__input" accept=".json,.csv,.txt,application/json,text/csv"
                        aria-labelledby="import-label" aria-describedby="import-hint import-chosen" data-testid="import-file" on:change=on_file/>
                    <label for="import-file" class="gt-file-upload__button" aria-hidden="true" data-testid="import-file-button">"Choose file"</label>
                    <span class="gt-file-upload__status" id="import-chosen" data-testid="import-chosen">
                        {move || chosen.get().map(|n| format!("Last chosen: {n}")).unwrap_or_else(|| "No file chosen".into())}
                    </span>
                </div>
            </div>
        </div>
        <div aria-live="polite">{pending}</div>
    }
}

/// The Data page, drawn from the data (again when it changes, so an export always holds what
/// is on screen).
#[component]
pub fn DataPage() -> impl IntoView {
    let data = use_data();
    move || view! { <DataBody ds=data.get()/> }
}

#[component]
fn DataBody(ds: std::sync::Arc<gt_core::Dataset>) -> impl IntoView {
    let state = use_app();
    let actions = ds.actions().count();
    let projects = ds.projects().count();
    let export_json = {
        let ds = ds.clone();
        move |_| {
            let name = gt_core::export::file_name(&ds, None, "data", &today(), "json");
            let _ = download::save(&name, "application/json", &ds.to_json());
        }
    };
    let export_csv = {
        let ds = ds.clone();
        move |_| {
            // Edited figures say Draft: in the file's name, its first row and each changed row.
            let draft = state.draft.get_untracked();
            let what = if draft.is_empty() {
                "all-figures"
            } else {
                "all-figures-draft"
            };
            let name = gt_core::export::file_name(&ds, None, what, &today(), "csv");
            let _ = download::save(
                &name,
                "text/csv;charset=utf-8",
                &gt_core::csv::export_all_marked(&ds, &draft),
            );
        }
    };
    let origin = move || {
        match state.origin.get() {
        Origin::BuiltIn => view! { <p class="gt-body" data-testid="origin">"You are looking at the built-in data."</p> }.into_any(),
        Origin::Bundle => view! { <p class="gt-body" data-testid="origin">"You are looking at an offline copy: the app and its data are in this one file, and it works with no network."</p> }.into_any(),
        Origin::Link(url) => view! { <p class="gt-body" data-testid="origin">"This data was opened from "<code>{url}</code>" (named in the link)."</p> }.into_any(),
        Origin::Imported { name, at } => {
            let on = if at.is_empty() { String::new() } else { format!(" on {}", at.get(..10).unwrap_or("")) };
            // Said only once it is known: kept, being kept, or not kept and why.
            let kept = move || match state.kept.get() {
                Kept::Yes => ", kept in this browser: it opens again on your next visit. ".to_string(),
                Kept::Saving => ", being kept in this browser… ".to_string(),
                Kept::No(why) => format!(". It is not kept in this browser ({why}), so it will be gone after you close or reload the page: download the data (JSON) below to keep it. "),
            };
            view! {
                <p class="gt-body" data-testid="origin">{format!("You are looking at data imported from {name}{on}")}{kept}
                    <button type="button" class="gt-link-button" data-testid="back-to-built-in" on:click=move |_| importing::back_to_built_in(state)>"Go back to the built-in data"</button></p>
            }.into_any()
        }
    }
    };
    let edits_n = move || state.changes_made();
    let copy_status = RwSignal::new(None::<Result<String, String>>);
    let make_copy = {
        let ds = ds.clone();
        move |_| {
            let ds = ds.clone();
            copy_status.set(Some(Ok("Preparing the offline copy…".into())));
            leptos::task::spawn_local(async move {
                copy_status.set(Some(crate::offline_copy::download_copy(&ds).await));
            });
        }
    };
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Data"</h1>
        {origin}
        <p class="gt-body-l">{ds.description.clone()}</p>
        <dl class="gt-summary-list gt-summary-list--dl" data-testid="data-summary">
            <div><dt>"Title"</dt><dd>{ds.title.clone()}</dd></div>
            <div><dt>"Published by"</dt><dd>{ds.organisation.clone()}</dd></div>
            <div><dt>"Figures as of"</dt><dd>{ds.as_of.map(gt_core::fmt::date)}</dd></div>
            <div><dt>"Councils"</dt><dd>{ds.councils.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ")}</dd></div>
            <div><dt>"Services"</dt><dd>{ds.services.len()}</dd></div>
            <div><dt>"Indicators"</dt><dd data-testid="indicator-count">{ds.indicators.len()}</dd></div>
            <div><dt>"Strategic priorities"</dt><dd>{format!("{} ({} projects)", ds.priorities.len(), projects)}</dd></div>
            <div><dt>"Improvement plan"</dt><dd>{format!("{} themes, {} areas, {} actions", ds.themes.len(), ds.themes.iter().map(|t| t.areas.len()).sum::<usize>(), actions)}</dd></div>
            <div><dt>"Your changes in this browser"</dt><dd><a href=Route::Changes.href() data-testid="data-changes">{move || gt_core::fmt::count(edits_n(), "change", "changes")}</a></dd></div>
            <div><dt>"File format"</dt><dd>{ds.format.clone()}</dd></div>
        </dl>
        <h2 class="gt-heading-l">"Export"</h2>
        <p class="gt-body">"Exports include your changes. File names say what and when."</p>
        <div class="gt-edit-form__actions">
            <button type="button" class="gt-button" on:click=export_json data-testid="export-json">"Download the data (JSON)"</button>
            <button type="button" class="gt-button gt-button--secondary" on:click=export_csv data-testid="export-csv">"Download every figure (CSV)"</button>
            <a href=Route::Changes.href()>"Export only your changes"</a>
        </div>
        <h2 class="gt-heading-l">"Offline copy"</h2>
        <p class="gt-body">"One file with the whole app and this data (with your changes). Open it from your computer, a USB stick or an email attachment: every page works with no internet connection and no server."</p>
        <button type="button" class="gt-button" on:click=make_copy data-testid="offline-copy">"Download offline copy"</button>
        {move || copy_status.get().map(|r| match r {
            Ok(m) => view! { <p class="gt-confirm" role="status" data-testid="offline-copy-status">{m}</p> }.into_any(),
            Err(e) => view! { <p class="gt-field-error" role="alert" data-testid="offline-copy-status">{format!("The offline copy could not be made: {e}")}</p> }.into_any(),
        })}
        <ImportPanel/>
        <crate::pages::data_storage::StoragePanel/>
        {move || matches!(state.source.get(), Load::Failed { .. }).then(|| view! { <p>"The data could not be loaded."</p> })}
    }
}
