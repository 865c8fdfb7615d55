//! Charts as SVG strings, drawn with plotters. Text in them (terms, titles)
//! is escaped by plotters' SVG backend, so data cannot inject markup.

use plotters::prelude::*;

/// Font stack for chart text: system CJK fonts first.
pub const CHART_FONT: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

const BAR_COLOR: RGBColor = RGBColor(0x2b, 0x6c, 0xb0);
const AXIS_COLOR: RGBColor = RGBColor(0x44, 0x4b, 0x55);
const GRID_COLOR: RGBColor = RGBColor(0xe3, 0xe7, 0xec);

/// A horizontal bar chart, one bar per `(label, value)`, first at the top,
/// with `caption` above it and `x_label` under the axis.
pub fn bar_chart_svg(bars: &[(String, f64)], caption: &str, x_label: &str, width: u32) -> Result<String, String> {
    let row_height = 26u32;
    let height = 90 + row_height * bars.len().max(1) as u32;
    let label_columns = bars
        .iter()
        .map(|(l, _)| l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<u32>())
        .max()
        .unwrap_or(4);
    let label_area = (label_columns * 8 + 20).clamp(48, 260);
    let max = bars.iter().map(|(_, v)| *v).fold(0.0f64, f64::max).max(1.0) * 1.08;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let n = bars.len().max(1) as u32;
        let caption = fit_text(caption, width.saturating_sub(24) as f64, 21.0 / 1.24);
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, (CHART_FONT, 21).into_font().color(&AXIS_COLOR))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..max, (0u32..n).into_segmented())
            .map_err(|e| e.to_string())?;
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
            .x_label_formatter(&|v| if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") })
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
            .map_err(|e| e.to_string())?;
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
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Shortens `text` with `…` so that it fits in `max_px` at `font_px`,
/// counting a CJK glyph as 1 em and anything else as 0.6 em.
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
