//! The view state's round trip to the URL, and what a bad link falls back to.
use cijing::engine::{Corpus, SegmentOptions, Segmenter};
use cijing::view_state::{ViewState, DEFAULT_TOP};
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| Corpus::builtin(&Segmenter::base(), SegmentOptions::default()))
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(ViewState::from_query("", corpus()), (ViewState::default(), vec![]));
}

#[test]
fn a_view_round_trips_through_the_query() {
    let view = ViewState { doc: Some("cn-tj-2024-zaobao".into()), top: 30 };
    assert_eq!(view.to_query(), "?doc=cn-tj-2024-zaobao&top=30");
    assert_eq!(ViewState::from_query(&view.to_query(), corpus()), (view, vec![]));
}

#[test]
fn unknown_or_invalid_values_fall_back_and_are_reported() {
    let (view, notes) = ViewState::from_query("?doc=%E4%B8%AD&top=0&x=1&top=abc", corpus());
    assert_eq!(view, ViewState::default());
    assert_eq!(
        notes,
        [
            "unknown document \"中\"; showing the whole corpus".to_string(),
            format!("top=0 is not a number from 1 to 100; showing {DEFAULT_TOP}"),
            "unknown setting \"x\" ignored".to_string(),
            format!("top=abc is not a number from 1 to 100; showing {DEFAULT_TOP}"),
        ]
    );
}

#[test]
fn broken_percent_escapes_do_not_panic() {
    for q in ["?doc=%", "?doc=%E4%B8", "?doc=%zz&top=%31%30", "?&&=&doc", "?doc=%C3%28"] {
        let _ = ViewState::from_query(q, corpus());
    }
    assert_eq!(ViewState::from_query("?top=%31%30", corpus()).0.top, 10);
}
