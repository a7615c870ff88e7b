//! Column charts people can read, drawn as SVG by the page (no script, no CDN, nothing in
//! the bundle but this file): a value axis with a "nice" scale (steps of 1, 2 or 5 × 10ⁿ,
//! zero always on it) and its grid, labels under the columns (thinned so they never
//! overlap), each column's value shown on hover and in its tooltip, and a table of every
//! figure for screen readers. Columns keep a readable width: a long series makes the chart
//! wider, and its box scrolls sideways instead of squeezing the columns or the page.
//!
//! Written by hand: the chart crates weigh far more in the admin bundle than these few
//! shapes, and most draw on a canvas, which screen readers cannot read.

use leptos::prelude::*;

/// One column: its label under the axis, its value, and what hovering it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    pub value: i64,
    pub title: String,
}

impl Column {
    /// A column whose tooltip is "label: value".
    pub fn new(label: impl Into<String>, value: i64) -> Column {
        let label = label.into();
        Column { title: format!("{label}: {value}"), label, value }
    }
}

/// The value axis: from `low` to `high` in steps of `step`, zero included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub low: i64,
    pub high: i64,
    pub step: i64,
}

/// A scale for values between `min` and `max` with at most five steps.
pub fn scale(min: i64, max: i64) -> Scale {
    let (low, high) = (min.min(0), max.max(0));
    let span = (high - low).max(1);
    let rough = (span + 4) / 5;
    let mut step = 1;
    'search: loop {
        for factor in [1, 2, 5] {
            if step * factor >= rough {
                step *= factor;
                break 'search;
            }
        }
        step *= 10;
    }
    let (low, high) = (low.div_euclid(step) * step, -((-high).div_euclid(step)) * step);
    // All zero: one step up, so the axis has a height to divide.
    Scale { low, high: high.max(low + step), step }
}

const PLOT: i64 = 160;
const TOP: i64 = 14;
const BOTTOM: i64 = 22;
const CHAR: i64 = 7;

/// `columns` as a chart named `name` (its caption), `x_name` and `y_name` naming the label
/// and the value in the screen readers' table.
#[component]
pub fn ColumnChart(
    columns: Vec<Column>,
    #[prop(into)] name: String,
    #[prop(into)] x_name: String,
    #[prop(into)] y_name: String,
) -> impl IntoView {
    let n = columns.len().max(1) as i64;
    let s =
        scale(columns.iter().map(|c| c.value).min().unwrap_or(0), columns.iter().map(|c| c.value).max().unwrap_or(0));
    let ticks: Vec<i64> = (0..).map(|i| s.low + i * s.step).take_while(|t| *t <= s.high).collect();
    let left = 10 + CHAR * ticks.iter().map(|t| t.to_string().len() as i64).max().unwrap_or(1);
    // Wide enough to read, never wider than needed: 48 px a column for a few, 4 for a year.
    let band = (720 / n).clamp(4, 48);
    let width = left + n * band + 10;
    let height = TOP + PLOT + BOTTOM;
    let y = move |v: i64| TOP + (s.high - v) * PLOT / (s.high - s.low);
    let label_width = CHAR * columns.iter().map(|c| c.label.chars().count() as i64).max().unwrap_or(1) + 8;
    let every = ((label_width + band - 1) / band).max(1) as usize;
    let bar = (band * 7 / 10).max(2);
    let zero = y(0);
    let grid = ticks
        .iter()
        .map(|t| {
            let ty = y(*t);
            view! {
                <line class="grid" class:zero=*t == 0 x1=left x2=width - 10 y1=ty y2=ty />
                <text class="tick" x=left - 6 y=ty + 4 text-anchor="end">{t.to_string()}</text>
            }
        })
        .collect_view();
    let bars = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let x = left + i as i64 * band + (band - bar) / 2;
            let (top, h) = if c.value >= 0 { (y(c.value), zero - y(c.value)) } else { (zero, y(c.value) - zero) };
            // Centred under its column, but never past the chart's edges: a first label
            // wider than its column ran off the left ("n 1, 2025"), a last one off the right.
            let label = (i % every == 0).then(|| {
                let half = (CHAR * c.label.chars().count() as i64 + 2) / 2;
                view! {
                    <text class="label" x=(x + bar / 2).max(half).min(width - half) y=TOP + PLOT + 16 text-anchor="middle">{c.label.clone()}</text>
                }
            });
            let above = if c.value >= 0 { top - 4 } else { top + h + 12 };
            view! {
                <g class="column">
                    <rect x=x y=top width=bar height=h.max(1) class:negative=c.value < 0>
                        <title>{c.title.clone()}</title>
                    </rect>
                    <text class="value" x=x + bar / 2 y=above text-anchor="middle">{c.value.to_string()}</text>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-box">
            <svg class="chart" width=width height=height viewBox=format!("0 0 {width} {height}") role="img"
                aria-label=name.clone()>
                {grid}
                {bars}
            </svg>
            <table class="sr-only">
                <caption>{name}</caption>
                <thead><tr><th scope="col">{x_name}</th><th scope="col">{y_name}</th></tr></thead>
                <tbody>
                    {columns.into_iter().map(|c| view! { <tr><td>{c.label}</td><td>{c.value}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_take_nice_steps_and_hold_zero_and_every_value() {
        assert_eq!(scale(0, 0), Scale { low: 0, high: 1, step: 1 });
        assert_eq!(scale(0, 7), Scale { low: 0, high: 8, step: 2 });
        assert_eq!(scale(3, 97), Scale { low: 0, high: 100, step: 20 });
        assert_eq!(scale(0, 1234), Scale { low: 0, high: 1500, step: 500 });
        assert_eq!(scale(-100, 100), Scale { low: -100, high: 100, step: 50 });
        assert_eq!(scale(-30, 12), Scale { low: -30, high: 20, step: 10 });
        for (min, max) in [(0, 1), (-7, 0), (5, 5), (-1, 99_999), (0, 3_000_000)] {
            let s = scale(min, max);
            assert!(s.low <= min.min(0) && s.high >= max.max(0), "{min}..{max}: {s:?}");
            assert!((s.high - s.low) / s.step <= 6, "{min}..{max}: {s:?}");
            assert_eq!(s.low % s.step, 0);
        }
    }
}
