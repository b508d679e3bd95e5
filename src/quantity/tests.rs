//! Unit tests for the quantity parser.

use super::*;

#[track_caller]
fn close(got: Option<f64>, want: f64) {
    let ok = got.is_some_and(|g| (g - want).abs() <= 1e-9 * want.abs().max(1.0));
    assert!(ok, "got {got:?}, want {want}");
}

#[test]
fn smoke() {
    close(parse_number("4,000"), 4000.0);
    let q = find_quantities("At least 95 people died and 4,000 fighters joined.");
    assert_eq!(q.len(), 2, "{q:?}");
}
