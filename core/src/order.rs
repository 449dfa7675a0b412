//! Sorting with one copy of the sort in the program.
//!
//! The standard library's `sort_by` is generic over the element type and the comparison, so
//! the compiler writes out a whole sort (about 4 KB of WebAssembly) for every call site: 27 of
//! them in the app made up 104 KB of the download before this module (docs/performance.md).
//! Here the sort itself is written once, over positions (`usize`), behind a `&dyn` comparison;
//! each call site only adds a few bytes that compare two elements and swap two elements.
//!
//! Every function here is stable: elements that compare equal keep their order (lists such as
//! the change log and the import report rely on it).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(&mut order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: &dyn Fn(&T) -> K) {
    sort_by(v, &|a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, &|a, b| a.cmp(b));
}

/// The positions `0..n` in the order `cmp` puts them, equal ones in their original order.
/// Not generic: the one sort in the program.
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges a sequence so that position `i` holds what was at `order[i]`, by swaps (each
/// cycle of the permutation walked once, so linear). `order` is used up (every entry ends up
/// as its own index). Not generic: `swap` does the one thing that depends on the element type.
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut here = start;
        // Walk the cycle through `start`: `here` takes what is at `order[here]`, which has not
        // moved yet (each position is visited once), and what was at `start` travels along the
        // cycle until the last position, which is where it belongs.
        loop {
            let from = order[here];
            order[here] = here;
            if from == start || from == here {
                break;
            }
            swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_numbers_in_natural_order() {
        let mut v = vec![5, 3, 9, 1, 3, 0];
        sort(&mut v);
        assert_eq!(v, vec![0, 1, 3, 3, 5, 9]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut e: Vec<i32> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
        let mut one = vec!["only".to_string()];
        sort(&mut one);
        assert_eq!(one, vec!["only"]);
    }

    #[test]
    fn keeps_equal_elements_in_their_original_order() {
        // Sorted by the number only: the three 2s keep the order a, c, e and the two 1s b, d.
        let mut v = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d"), (2, "e"), (0, "f")];
        sort_by_key(&mut v, &|p: &(i32, &str)| p.0);
        assert_eq!(
            v,
            vec![(0, "f"), (1, "b"), (1, "d"), (2, "a"), (2, "c"), (2, "e")]
        );
    }

    #[test]
    fn descending_comparison_is_also_stable() {
        // Largest first; the 7s keep x before y, the 3s p before q.
        let mut v = vec![(3, 'p'), (7, 'x'), (3, 'q'), (7, 'y'), (5, 'm')];
        sort_by(&mut v, &|a, b| b.0.cmp(&a.0));
        assert_eq!(v, vec![(7, 'x'), (7, 'y'), (5, 'm'), (3, 'p'), (3, 'q')]);
    }

    #[test]
    fn moves_owned_values_without_losing_or_copying_any() {
        // A reversal is one long set of swaps: "d c b a" → "a b c d".
        let mut v: Vec<String> = ["d", "c", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, vec!["a", "b", "c", "d"]);
        // A rotation is a single cycle of length 5: 2 3 4 5 1 → 1 2 3 4 5.
        let mut r = vec![2, 3, 4, 5, 1];
        sort(&mut r);
        assert_eq!(r, vec![1, 2, 3, 4, 5]);
        // Two cycles (1 0) and (4 2 3) at once: 1 0 4 2 3 → 0 1 2 3 4.
        let mut c = vec![1, 0, 4, 2, 3];
        sort(&mut c);
        assert_eq!(c, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn already_sorted_lists_stay_as_they_are() {
        let mut v = vec![1, 2, 2, 3];
        sort(&mut v);
        assert_eq!(v, vec![1, 2, 2, 3]);
    }

    #[test]
    fn agrees_with_a_stable_sort_on_every_ordering_of_six_tagged_items() {
        // Every permutation of six items with keys 0,0,1,1,1,2 (each tagged with its place in
        // the input): the result must be the keys in order and, within a key, the tags rising.
        let keys = [0, 0, 1, 1, 1, 2];
        let mut idx = [0usize, 1, 2, 3, 4, 5];
        let mut count = 0;
        permutations(&mut idx, 0, &mut |p| {
            let mut v: Vec<(i32, usize)> = p
                .iter()
                .enumerate()
                .map(|(tag, &k)| (keys[k], tag))
                .collect();
            sort_by_key(&mut v, &|x: &(i32, usize)| x.0);
            for w in v.windows(2) {
                assert!(
                    w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1),
                    "{v:?}"
                );
            }
            count += 1;
        });
        assert_eq!(count, 720);
    }

    fn permutations(a: &mut [usize; 6], k: usize, f: &mut dyn FnMut(&[usize; 6])) {
        if k == a.len() {
            f(a);
            return;
        }
        for i in k..a.len() {
            a.swap(k, i);
            permutations(a, k + 1, f);
            a.swap(k, i);
        }
    }
}
