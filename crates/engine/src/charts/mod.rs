//! Charts as SVG strings, drawn with plotters: term bars, trend lines and a
//! word cloud. Every chart carries a title and a line saying what was
//! selected, so an exported image speaks for itself. Text in them (terms,
//! titles) is escaped by plotters' SVG backend: data cannot inject markup.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;
use svg::{Marks, Svg};

/// Font stack for chart text: system CJK fonts first.
pub const CHART_FONT: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

const BAR_COLOR: RGBColor = RGBColor(0x2b, 0x6c, 0xb0);
const AXIS_COLOR: RGBColor = RGBColor(0x44, 0x4b, 0x55);
const GRID_COLOR: RGBColor = RGBColor(0xe3, 0xe7, 0xec);
/// Series colours, distinguishable and dark enough on white (WCAG AA for large text).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x2b, 0x6c, 0xb0),
    RGBColor(0xc0, 0x39, 0x2b),
    RGBColor(0x1e, 0x7b, 0x4f),
    RGBColor(0x8e, 0x44, 0xad),
    RGBColor(0xb3, 0x5c, 0x00),
    RGBColor(0x16, 0x6a, 0x7a),
    RGBColor(0x7a, 0x4a, 0x2a),
    RGBColor(0x4a, 0x55, 0x68),
];

/// plotters could not draw a chart (the message is plotters' own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot draw the chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// The words written on a chart: a title above, the selection below.
/// Either may be empty; both are shortened with `…` to fit the width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartText {
    /// What the chart shows, along the top.
    pub title: String,
    /// What was selected (documents, dates, topics), along the bottom edge.
    pub subtitle: String,
}

/// Shortens `text` with `…` so that it fits in `max_px` at `font_px`,
/// counting an ASCII character as 0.6 em and any other as 1 em; text that
/// fits comes back whole.
///
/// ```
/// use cijing_engine::charts::fit_text;
/// assert_eq!(fit_text("上海合作组织", 100.0, 20.0), "上海合作…"); // 4 glyphs + … = 100 px
/// assert_eq!(fit_text("上海合作组织", 120.0, 20.0), "上海合作组织");
/// ```
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> String {
    let width = |c: char| if c.is_ascii() { 0.6 * font_px } else { font_px };
    if text.chars().map(width).sum::<f64>() <= max_px {
        return text.to_string();
    }
    let mut used = width('…');
    let mut out = String::new();
    for c in text.chars() {
        used += width(c);
        if used > max_px {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Width in pixels of `text` at `font_px` (ASCII 0.6 em, anything else 1 em),
/// as [`fit_text`] measures it.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.6 * font_px } else { font_px }).sum()
}

/// The SVG backend the charts draw on.
mod svg {
    use super::text_width;
    use plotters::prelude::*;
    use plotters::style::FontTransform;
    use plotters_backend::{
        BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
    };
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;

    /// plotters' SVG backend, measuring text with [`text_width`] instead of a
    /// font backend. On wasm32 plotters' own measuring adds a `<span>` to the
    /// page and reads its size (a forced layout per label, and a panic in a
    /// Web Worker or natively without fonts); this gives the same layout
    /// everywhere, with no DOM.
    ///
    /// It also marks elements for the page: attributes queued in [`Marks`]
    /// go on the next rects or texts drawn, in order ([`Marks::apply`]), so
    /// a page finds a clicked bar, word or cell by its mark, never by its
    /// colour, text or place.
    pub(super) struct Svg<'a>(SVGBackend<'a>, Rc<RefCell<Marks>>);

    impl<'a> Svg<'a> {
        pub(super) fn with_string(
            buffer: &'a mut String,
            size: (u32, u32),
            marks: &Rc<RefCell<Marks>>,
        ) -> Svg<'a> {
            Svg(SVGBackend::with_string(buffer, size), marks.clone())
        }
    }

    /// Attributes for the next elements drawn, and which drawn element got which.
    #[derive(Default)]
    pub(super) struct Marks {
        rects: VecDeque<String>,
        texts: VecDeque<String>,
        drawn_rects: Vec<Option<String>>,
        drawn_texts: Vec<Option<String>>,
    }

    impl Marks {
        /// Queues `attribute` (`data-bar="0"`) for the next rect drawn.
        pub(super) fn rect(&mut self, attribute: String) {
            self.rects.push_back(attribute);
        }

        /// Queues `attribute` for the next text drawn.
        pub(super) fn text(&mut self, attribute: String) {
            self.texts.push_back(attribute);
        }

        /// `svg` with each drawn element's attributes added (plotters' SVG
        /// backend writes one `<rect>` per rect and one `<text>` per text, in
        /// the order they are drawn).
        pub(super) fn apply(&self, svg: &str) -> String {
            let mut out = String::with_capacity(svg.len() + 64 * self.drawn_rects.len());
            let (mut rects, mut texts) = (self.drawn_rects.iter(), self.drawn_texts.iter());
            let mut rest = svg;
            while let Some(at) = rest.find('<') {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                let drawn = if rest.starts_with("<rect ") {
                    rects.next()
                } else if rest.starts_with("<text ") {
                    texts.next()
                } else {
                    None
                };
                match drawn {
                    Some(Some(attribute)) => {
                        out.push_str(&rest[..6]);
                        out.push_str(attribute);
                        out.push(' ');
                        rest = &rest[6..];
                    }
                    _ => {
                        out.push('<');
                        rest = &rest[1..];
                    }
                }
            }
            out.push_str(rest);
            out
        }
    }

    type SvgError = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    impl DrawingBackend for Svg<'_> {
        type ErrorType = SvgError;

        fn get_size(&self) -> (u32, u32) {
            self.0.get_size()
        }

        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.ensure_prepared()
        }

        fn present(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.present()
        }

        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.draw_pixel(point, color)
        }

        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.draw_line(from, to, style)
        }

        fn draw_rect<S: BackendStyle>(
            &mut self,
            upper_left: BackendCoord,
            bottom_right: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            let mut marks = self.1.borrow_mut();
            let mark = marks.rects.pop_front();
            marks.drawn_rects.push(mark);
            self.0.draw_rect(upper_left, bottom_right, style, fill)
        }

        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.draw_path(path, style)
        }

        fn draw_circle<S: BackendStyle>(
            &mut self,
            center: BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.draw_circle(center, radius, style, fill)
        }

        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            vert: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            self.0.fill_polygon(vert, style)
        }

        fn draw_text<S: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &S,
            pos: BackendCoord,
        ) -> Result<(), DrawingErrorKind<SvgError>> {
            let mut marks = self.1.borrow_mut();
            let mark = marks.texts.pop_front();
            marks.drawn_texts.push(mark);
            self.0.draw_text(text, style, pos)
        }

        fn estimate_text_size<S: BackendTextStyle>(
            &self,
            text: &str,
            style: &S,
        ) -> Result<(u32, u32), DrawingErrorKind<SvgError>> {
            // The SVG backend writes font-size as the style's size / 1.24.
            let px = style.size() / 1.24;
            let (w, h) = (text_width(text, px).ceil() as u32, (px * 1.2).ceil() as u32);
            Ok(match style.transform() {
                FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
                _ => (w, h),
            })
        }
    }
}

type Area<'a> = DrawingArea<Svg<'a>, plotters::coord::Shift>;

/// Draws the subtitle along the bottom edge and returns the area above it.
fn with_subtitle<'a>(
    root: &Area<'a>,
    text: &ChartText,
    width: u32,
    height: u32,
) -> Result<Area<'a>, ChartError> {
    root.fill(&WHITE).map_err(ChartError::from)?;
    let small = 13.0;
    let line = fit_text(&text.subtitle, width as f64 - 24.0, small);
    root.draw(&Text::new(
        line,
        (12, height as i32 - 10),
        (CHART_FONT, small * 1.24)
            .into_font()
            .color(&AXIS_COLOR)
            .pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))
    .map_err(ChartError::from)?;
    Ok(root.margin(0, 22, 0, 0))
}

/// Draws the title centred along the top (for charts without axes).
fn draw_title(area: &Area<'_>, text: &ChartText, width: u32) -> Result<(), ChartError> {
    area.draw(&Text::new(
        caption(text, width),
        (width as i32 / 2, 8),
        (CHART_FONT, 21).into_font().color(&AXIS_COLOR).pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(ChartError::from)
}

fn caption(text: &ChartText, width: u32) -> String {
    fit_text(&text.title, width.saturating_sub(24) as f64, 21.0 / 1.24)
}

/// A horizontal bar chart as an SVG document, one bar per `(label,
/// value)`, first at the top; `x_label` names the value axis and `width` is
/// in pixels (the height follows from the number of bars). Values should
/// be ≥ 0; the axis runs from 0 to a little past the largest (at least 1).
pub fn bar_chart_svg(
    bars: &[(String, f64)],
    text: &ChartText,
    x_label: &str,
    width: u32,
) -> Result<String, ChartError> {
    let row_height = 26u32;
    let height = 112 + row_height * bars.len().max(1) as u32;
    let label_columns = bars
        .iter()
        .map(|(l, _)| l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<u32>())
        .max()
        .unwrap_or(4);
    let label_area = (label_columns * 8 + 20).clamp(48, 260);
    let max = bars.iter().map(|(_, v)| *v).fold(0.0f64, f64::max).max(1.0) * 1.08;

    let mut svg = String::new();
    let marks = Rc::new(RefCell::new(Marks::default()));
    {
        let root = Svg::with_string(&mut svg, (width, height), &marks).into_drawing_area();
        let area = with_subtitle(&root, text, width, height)?;
        let n = bars.len().max(1) as u32;
        let mut chart = ChartBuilder::on(&area)
            .caption(caption(text, width), (CHART_FONT, 21).into_font().color(&AXIS_COLOR))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..max, (0u32..n).into_segmented())
            .map_err(ChartError::from)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID_COLOR)
            .axis_style(AXIS_COLOR)
            .x_desc(x_label)
            .x_labels(6)
            .y_labels(bars.len().max(1))
            .label_style((CHART_FONT, 17).into_font().color(&AXIS_COLOR))
            .x_label_formatter(&|v| {
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v:.1}")
                }
            })
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => {
                    // Bars are listed top-down; the y axis counts bottom-up.
                    n.checked_sub(1 + *i)
                        .and_then(|row| bars.get(row as usize))
                        .map(|(l, _)| l.clone())
                        .unwrap_or_default()
                }
                _ => String::new(),
            })
            .draw()
            .map_err(ChartError::from)?;
        for row in 0..bars.len() {
            marks.borrow_mut().rect(format!("data-bar=\"{row}\""));
        }
        chart
            .draw_series(bars.iter().enumerate().map(|(row, (_, value))| {
                let y = n - 1 - row as u32;
                let mut bar = Rectangle::new(
                    [(0.0, SegmentValue::Exact(y)), (*value, SegmentValue::Exact(y + 1))],
                    BAR_COLOR.filled(),
                );
                bar.set_margin(4, 4, 0, 0);
                bar
            }))
            .map_err(ChartError::from)?;
        root.present().map_err(ChartError::from)?;
    }
    let marked = marks.borrow().apply(&svg);
    Ok(mark_labels(&marked, bars))
}

/// `svg` with each bar's label (a right-aligned axis label, drawn by
/// plotters' mesh from the bar's own text) marked `data-bar="ROW"` like
/// its bar, so a click on either finds the row by its mark.
fn mark_labels(svg: &str, bars: &[(String, f64)]) -> String {
    let mut out = String::with_capacity(svg.len() + 16 * bars.len());
    for (i, piece) in svg.split("<text ").enumerate() {
        if i > 0 {
            out.push_str("<text ");
            let label = piece.split_once(">\n").and_then(|(attributes, rest)| {
                let text = rest.split_once("\n</text>")?.0;
                attributes.contains("text-anchor=\"end\"").then_some(text)
            });
            let row = label.and_then(|l| bars.iter().position(|(b, _)| escape(b) == l));
            if let Some(row) = row {
                let _ = write!(out, "data-bar=\"{row}\" ");
            }
        }
        out.push_str(piece);
    }
    out
}

/// `text` as XML writes it in an attribute or an element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A line chart as an SVG document, `width` × 380 pixels: one line per
/// `(name, values)` in [`PALETTE`] colours with a legend, the values at
/// points `0..points.len()`, labelled along the x axis by `points` (only
/// where the label changes, so documents in date order show their years);
/// `y_label` names the value axis.
pub fn line_chart_svg(
    series: &[(String, Vec<f64>)],
    points: &[String],
    text: &ChartText,
    y_label: &str,
    width: u32,
) -> Result<String, ChartError> {
    let height = 380u32;
    let n = points.len().max(1);
    let max =
        series.iter().flat_map(|(_, v)| v.iter().copied()).fold(0.0f64, f64::max).max(1.0) * 1.1;
    // The legend: its entries in rows above the plot (never over a line),
    // as wide as the plot is (the width less the value axis and margins).
    let legend_px = 16.0;
    let entry_width = |name: &str| (32.0 + text_width(name, legend_px * 1.24) + 16.0).ceil() as i32;
    let room = width as i32 - 56 - 2 * 12;
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (k, (name, _)) in series.iter().enumerate() {
        let w = entry_width(name);
        match rows.last_mut() {
            Some(row) if used + w <= room => row.push(k),
            _ => {
                rows.push(vec![k]);
                used = 0;
            }
        }
        used += w;
    }
    let band = if rows.is_empty() { 0 } else { rows.len() as u32 * 22 + 6 };
    let mut svg = String::new();
    let marks = Rc::new(RefCell::new(Marks::default()));
    {
        let root = Svg::with_string(&mut svg, (width, height), &marks).into_drawing_area();
        // The title, then the legend's rows, then the plot.
        let area = with_subtitle(&root, text, width, height)?.margin(12, 0, 0, 0);
        let area = area
            .titled(&caption(text, width), (CHART_FONT, 21).into_font().color(&AXIS_COLOR))
            .map_err(ChartError::from)?;
        let mut chart = ChartBuilder::on(&area)
            .margin(12)
            .margin_top(6 + band)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..max)
            .map_err(ChartError::from)?;
        let label_at = |x: &f64| -> String {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 || i as usize >= points.len() {
                return String::new();
            }
            let i = i as usize;
            if i == 0 || points[i] != points[i - 1] {
                points[i].clone()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID_COLOR)
            .axis_style(AXIS_COLOR)
            .x_labels(n * 2 + 1)
            .y_labels(6)
            .y_desc(y_label)
            .label_style((CHART_FONT, 16).into_font().color(&AXIS_COLOR))
            .x_label_formatter(&label_at)
            .draw()
            .map_err(ChartError::from)?;
        for (k, (_, values)) in series.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            chart
                .draw_series(LineSeries::new(
                    values.iter().enumerate().map(|(i, v)| (i as f64, *v)),
                    color.stroke_width(2),
                ))
                .map_err(ChartError::from)?;
            chart
                .draw_series(
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| Circle::new((i as f64, *v), 4, color.filled())),
                )
                .map_err(ChartError::from)?;
        }
        // The legend, drawn here rather than by plotters' series labels,
        // which measure their text with a font backend (the DOM on wasm32).
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        for (r, row) in rows.iter().enumerate() {
            let y = ys.start - band as i32 + 8 + r as i32 * 22;
            let mut x = xs.start;
            for &k in row {
                let (name, color) = (&series[k].0, PALETTE[k % PALETTE.len()]);
                root.draw(&PathElement::new(vec![(x + 4, y), (x + 22, y)], color.stroke_width(3)))
                    .map_err(ChartError::from)?;
                root.draw(&Text::new(
                    name.clone(),
                    (x + 28, y),
                    (CHART_FONT, legend_px * 1.24)
                        .into_font()
                        .color(&AXIS_COLOR)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(ChartError::from)?;
                x += entry_width(name);
            }
        }
        root.present().map_err(ChartError::from)?;
    }
    Ok(svg)
}

/// A word placed in a cloud: centre, font size and box, in pixels from the
/// cloud area's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The word.
    pub word: String,
    /// Horizontal centre.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
    /// Font size.
    pub size: f64,
    /// Width of its box (no other word's box overlaps it).
    pub w: f64,
    /// Height of its box.
    pub h: f64,
}

/// Lays out a word cloud in `width` × `height`: font size grows with the
/// square root of the weight, heaviest first, each word put at the first
/// free spot along a spiral from the centre. No randomness: the same words
/// give the same picture. Words that do not fit are left out.
pub fn cloud_layout(words: &[(String, f64)], width: f64, height: f64) -> Vec<Placed> {
    let max = words.iter().map(|(_, w)| *w).fold(0.0f64, f64::max);
    if max <= 0.0 {
        return Vec::new();
    }
    let (min_size, max_size) = (13.0, (height / 5.0).clamp(24.0, 64.0));
    let mut order: Vec<&(String, f64)> = words.iter().filter(|(_, w)| *w > 0.0).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (cx, cy) = (width / 2.0, height / 2.0);
    let mut placed: Vec<Placed> = Vec::new();
    for (word, weight) in order {
        let size = min_size + (max_size - min_size) * (weight / max).sqrt();
        let (w, h) = (text_width(word, size) + 4.0, size * 1.15);
        let overlaps = |p: &Placed, x: f64, y: f64| {
            (x - p.x).abs() * 2.0 < w + p.w && (y - p.y).abs() * 2.0 < h + p.h
        };
        // The word that blocked the last spot most likely blocks the next
        // one too: it is tried first (the first free spot is the same).
        let mut blocker = 0;
        for &(t, cos, sin) in spiral() {
            let r = 3.0 * t;
            let (x, y) = (cx + r * cos * (width / height).max(1.0), cy + r * sin);
            let inside = x - w / 2.0 >= 2.0
                && x + w / 2.0 <= width - 2.0
                && y - h / 2.0 >= 2.0
                && y + h / 2.0 <= height - 2.0;
            if !inside || placed.get(blocker).is_some_and(|p| overlaps(p, x, y)) {
                continue;
            }
            match placed.iter().position(|p| overlaps(p, x, y)) {
                Some(i) => blocker = i,
                None => {
                    placed.push(Placed { word: word.clone(), x, y, size, w, h });
                    break;
                }
            }
        }
    }
    placed
}

/// The cloud's spiral, `(t, cos t, sin t)` for t = 0, 0.05, … below 200,
/// worked out once: a cloud tries thousands of spots, and their sines and
/// cosines (software `libm` in wasm) cost some 4 ms of every party click.
fn spiral() -> &'static [(f64, f64, f64)] {
    static SPIRAL: std::sync::OnceLock<Vec<(f64, f64, f64)>> = std::sync::OnceLock::new();
    SPIRAL.get_or_init(|| {
        let mut steps = Vec::with_capacity(4000);
        let mut t = 0.0f64;
        while t < 200.0 {
            steps.push((t, t.cos(), t.sin()));
            t += 0.05;
        }
        steps
    })
}

/// A word cloud as an SVG document, `width` pixels wide (height 55 % of
/// it, 260 to 460): [`cloud_layout`] of the `(word, weight)` pairs, under
/// the title.
pub fn word_cloud_svg(
    words: &[(String, f64)],
    text: &ChartText,
    width: u32,
) -> Result<String, ChartError> {
    let height = (width as f64 * 0.55).clamp(260.0, 460.0) as u32;
    let mut svg = String::new();
    let marks = Rc::new(RefCell::new(Marks::default()));
    {
        let root = Svg::with_string(&mut svg, (width, height), &marks).into_drawing_area();
        let area = with_subtitle(&root, text, width, height)?;
        draw_title(&area, text, width)?;
        let cloud = area.margin(40, 0, 0, 0);
        let (w, h) = cloud.dim_in_pixel();
        for (i, p) in cloud_layout(words, w as f64, h as f64).iter().enumerate() {
            let color = PALETTE[i % PALETTE.len()];
            marks.borrow_mut().text(format!("data-term=\"{}\"", escape(&p.word)));
            cloud
                .draw(&Text::new(
                    p.word.clone(),
                    (p.x as i32, p.y as i32),
                    (CHART_FONT, p.size * 1.24)
                        .into_font()
                        .color(&color)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(ChartError::from)?;
        }
        root.present().map_err(ChartError::from)?;
    }
    let marked = marks.borrow().apply(&svg);
    Ok(marked)
}

/// A heatmap: one row per `(label, colour)`, one column per label in
/// `columns` (labelled along the bottom only where the label changes, so
/// documents in date order show their years), cell shade from `values[row][col]`
/// in 0..=1. Cells are drawn row by row, left to right, after the
/// background: the n-th `<rect>` after the first is cell n.
pub fn heatmap_svg(
    rows: &[(String, String)],
    columns: &[String],
    values: &[Vec<f64>],
    text: &ChartText,
    width: u32,
) -> Result<String, ChartError> {
    let label_px = 15.0;
    let label_w = rows
        .iter()
        .map(|(l, _)| text_width(l, label_px))
        .fold(40.0f64, f64::max)
        .min(width as f64 * 0.45)
        + 14.0;
    let row_h = 24u32;
    let top = 44u32;
    let height = top + row_h * rows.len().max(1) as u32 + 60;
    let mut svg = String::new();
    let marks = Rc::new(RefCell::new(Marks::default()));
    {
        let root = Svg::with_string(&mut svg, (width, height), &marks).into_drawing_area();
        let area = with_subtitle(&root, text, width, height)?;
        draw_title(&area, text, width)?;
        let n = columns.len().max(1);
        let cell_w = ((width as f64 - label_w - 12.0) / n as f64).max(2.0);
        let parse = |c: &str| {
            let h = |i: usize| u8::from_str_radix(c.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
            RGBColor(h(1), h(3), h(5))
        };
        for (r, (label, color)) in rows.iter().enumerate() {
            let y = (top + row_h * r as u32) as i32;
            marks.borrow_mut().text(format!("data-row=\"{r}\""));
            area.draw(&Text::new(
                fit_text(label, label_w - 14.0, label_px),
                (label_w as i32 - 8, y + row_h as i32 / 2),
                (CHART_FONT, label_px * 1.24)
                    .into_font()
                    .color(&AXIS_COLOR)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(ChartError::from)?;
            let base = parse(color);
            for c in 0..columns.len() {
                let v = values
                    .get(r)
                    .and_then(|row| row.get(c))
                    .copied()
                    .unwrap_or(0.0)
                    .clamp(0.0, 1.0);
                let x0 = label_w + c as f64 * cell_w;
                // Shade from near-white to the topic colour.
                let mix = |a: u8| (255.0 - (255.0 - a as f64) * (0.06 + 0.94 * v)).round() as u8;
                let fill = RGBColor(mix(base.0), mix(base.1), mix(base.2));
                marks.borrow_mut().rect(format!("data-row=\"{r}\" data-column=\"{c}\""));
                area.draw(&Rectangle::new(
                    [(x0 as i32 + 1, y + 1), ((x0 + cell_w) as i32 - 1, y + row_h as i32 - 1)],
                    fill.filled(),
                ))
                .map_err(ChartError::from)?;
            }
        }
        let axis_y = (top + row_h * rows.len() as u32) as i32 + 6;
        for (c, label) in columns.iter().enumerate() {
            if c == 0 || columns[c - 1] != *label {
                let x = (label_w + c as f64 * cell_w) as i32 + 2;
                area.draw(&Text::new(
                    label.clone(),
                    (x, axis_y),
                    (CHART_FONT, 15.0 * 1.24)
                        .into_font()
                        .color(&AXIS_COLOR)
                        .pos(Pos::new(HPos::Left, VPos::Top)),
                ))
                .map_err(ChartError::from)?;
            }
        }
        root.present().map_err(ChartError::from)?;
    }
    let marked = marks.borrow().apply(&svg);
    Ok(marked)
}

/// A dispersion plot (AntConc's Plot) as an SVG document: one strip per
/// `(label, positions)`, first at the top, with a tick at each relative
/// position (0..=1 from the strip's left end to its right) and the number
/// of ticks to its right. A strip's ticks are one `<path>` in the bar
/// colour (`fill="#2B6CB0"`, `data-strip` its row from 0), one 1-pixel
/// subpath (`M`) per tick, after everything else: a plot of a thousand hits
/// is a few dozen elements for the browser to lay out and paint, not a
/// thousand.
pub fn dispersion_plot_svg(
    strips: &[(String, Vec<f64>)],
    text: &ChartText,
    width: u32,
) -> Result<String, ChartError> {
    let label_px = 14.0;
    let label_w = strips
        .iter()
        .map(|(l, _)| text_width(l, label_px))
        .fold(40.0f64, f64::max)
        .min(width as f64 * 0.4)
        + 14.0;
    let count_w = 44.0;
    let row_h = 24u32;
    let top = 44u32;
    let height = top + row_h * strips.len().max(1) as u32 + 36;
    let strip_w = (width as f64 - label_w - count_w - 8.0).max(20.0);
    let mut svg = String::new();
    let mut ticks = String::new();
    let marks = Rc::new(RefCell::new(Marks::default()));
    {
        let root = Svg::with_string(&mut svg, (width, height), &marks).into_drawing_area();
        let area = with_subtitle(&root, text, width, height)?;
        draw_title(&area, text, width)?;
        let (base_x, base_y) = area.get_base_pixel();
        let font = |pos| (CHART_FONT, label_px * 1.24).into_font().color(&AXIS_COLOR).pos(pos);
        let hex = format!("#{:02X}{:02X}{:02X}", BAR_COLOR.0, BAR_COLOR.1, BAR_COLOR.2);
        for (r, (label, positions)) in strips.iter().enumerate() {
            let y = (top + row_h * r as u32) as i32;
            let mid = y + row_h as i32 / 2;
            marks.borrow_mut().text(format!("data-strip=\"{r}\""));
            area.draw(&Text::new(
                fit_text(label, label_w - 14.0, label_px),
                (label_w as i32 - 8, mid),
                font(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(ChartError::from)?;
            let x0 = label_w as i32;
            let x1 = (label_w + strip_w) as i32;
            marks.borrow_mut().rect(format!("data-strip=\"{r}\""));
            area.draw(&Rectangle::new(
                [(x0, y + 3), (x1, y + row_h as i32 - 3)],
                GRID_COLOR.filled(),
            ))
            .map_err(ChartError::from)?;
            if !positions.is_empty() {
                let _ = write!(ticks, r#"<path data-strip="{r}" fill="{hex}" d=""#);
                for &p in positions {
                    // A tick at the right end sits just inside the strip.
                    let x = (x0 + (p.clamp(0.0, 1.0) * strip_w).round() as i32).min(x1 - 1);
                    let _ = write!(ticks, "M{} {}h1v{}h-1z", x + base_x, y + 3 + base_y, row_h - 6);
                }
                ticks.push_str("\"/>");
            }
            area.draw(&Text::new(
                positions.len().to_string(),
                (x1 + 8, mid),
                font(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(ChartError::from)?;
        }
        // The ends of the strips: a document's start and end.
        let axis_y = (top + row_h * strips.len() as u32) as i32 + 4;
        for (x, label, h) in
            [(label_w as i32, "0", HPos::Left), ((label_w + strip_w) as i32, "1", HPos::Right)]
        {
            area.draw(&Text::new(
                label,
                (x, axis_y),
                (CHART_FONT, 12.0 * 1.24)
                    .into_font()
                    .color(&AXIS_COLOR)
                    .pos(Pos::new(h, VPos::Top)),
            ))
            .map_err(ChartError::from)?;
        }
        root.present().map_err(ChartError::from)?;
    }
    let mut svg = marks.borrow().apply(&svg);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    svg.insert_str(end, &ticks);
    Ok(svg)
}
