//! What a segment feeds outside the admin: a CSV file with chosen columns, and printable
//! mailing labels. Both are plain GET pages (`/admin/export.csv`, `/admin/labels`) so the
//! browser downloads or prints them itself; both check the session like a server function.

/// Exportable columns, by code (the file's header names them in the reader's language).
pub const COLUMNS: [&str; 20] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "street",
    "postcode",
    "city",
    "region",
    "country",
    "company",
    "gender",
    "birthday",
    "joined",
    "spent",
    "purchases",
    "last_purchase",
    "newsletter",
    "tags",
    // For the shop's mail tool: each customer's own one-click newsletter unsubscribe link.
    "unsubscribe_url",
    // Only with `do_not_sell=flag`: "yes" for a customer who asked not to be sold or shared.
    "do_not_sell",
];

pub const DEFAULT_COLUMNS: [&str; 4] = ["first_name", "last_name", "email", "phone"];

/// A sheet of self-adhesive labels: page size, grid, label size and margins in mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    pub code: &'static str,
    pub page: (f32, f32),
    pub columns: u32,
    pub rows: u32,
    pub size: (f32, f32),
    /// Top and left page margin.
    pub margin: (f32, f32),
    /// Gap between labels, across and down.
    pub gap: (f32, f32),
}

pub const SHEETS: [Sheet; 2] = [
    // 3 × 8 labels of 70 × 37 mm, edge to edge (Avery 3474 and compatibles).
    Sheet {
        code: "a4",
        page: (210.0, 297.0),
        columns: 3,
        rows: 8,
        size: (70.0, 37.0),
        margin: (0.5, 0.0),
        gap: (0.0, 0.0),
    },
    // 3 × 10 labels of 2⅝ × 1 in (Avery 5160 and compatibles).
    Sheet {
        code: "letter",
        page: (215.9, 279.4),
        columns: 3,
        rows: 10,
        size: (66.675, 25.4),
        margin: (12.7, 4.826),
        gap: (0.0, 3.175),
    },
];

pub use crate::csv_cells::{csv_line, neutralise};

#[cfg(feature = "ssr")]
pub use handlers::{csv as csv_handler, labels as labels_handler};

#[cfg(feature = "ssr")]
mod handlers {
    use super::{COLUMNS, SHEETS, Sheet, csv_line};
    use crate::admin::segments::api::ssr::parse_filter;
    use crate::admin::segments::db::{self, ExportRow};
    use crate::db::Db;
    use crate::domain::SiteId;
    use crate::extract::Query;
    use crate::server_ctx::now;
    use crate::staff::StaffRow;
    use crate::staff::audit::AuditAction;
    use crate::staff::texts::{AdminTexts, Lang};
    use axum::body::{Body, Bytes};
    use axum::extract::State;
    use axum::http::{HeaderMap, StatusCode, header};
    use axum::response::{Html, IntoResponse, Response};
    use serde::Deserialize;

    /// Rows read per query while a file is written.
    const CHUNK: i64 = 2_000;
    /// Labels beyond this many are a print shop's job, not a browser's.
    const MAX_LABELS: i64 = 10_000;

    #[derive(Deserialize)]
    pub struct ExportQuery {
        site: String,
        filter: String,
        #[serde(default)]
        columns: String,
        /// `flag`: customers who asked not to have their data sold or shared stay in the file,
        /// marked in a column of their own (the shop's own use). Otherwise they are left out:
        /// a file is what gets handed to others.
        #[serde(default)]
        do_not_sell: String,
    }

    #[derive(Deserialize)]
    pub struct LabelsQuery {
        site: String,
        filter: String,
        #[serde(default)]
        sheet: String,
    }

    fn refuse(status: StatusCode, text: &str) -> Response {
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response()
    }

    /// Why a request is refused: its status and the sentence shown.
    type Refusal = (StatusCode, &'static str);

    async fn check(pool: &Db, headers: &HeaderMap, site: &str) -> Result<(StaffRow, SiteId), Refusal> {
        crate::staff::guard::manager_download(pool, headers, site).await
    }

    /// Notes a download in the audit log; a download that cannot be noted is not given.
    async fn audit(
        t: &AdminTexts,
        pool: &Db,
        staff: &StaffRow,
        action: AuditAction,
        site: SiteId,
        detail: &str,
    ) -> Result<(), Refusal> {
        crate::staff::audit::record(pool, staff, action, Some(site), None, detail).await.map_err(|e| {
            tracing::error!(error = %e, "audit log");
            (StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal)
        })
    }

    /// `GET /admin/export.csv?site=&filter=&columns=a,b`: the segment as CSV, written while
    /// it is read, a chunk of rows at a time, so a big segment never sits in memory whole.
    pub async fn csv(
        State(pool): State<Db>,
        axum::Extension(public): axum::Extension<crate::server_ctx::PublicOrigin>,
        headers: HeaderMap,
        Query(q): Query<ExportQuery>,
    ) -> Response {
        let t = crate::staff::texts::of_headers(&headers);
        let (staff, site) = match check(&pool, &headers, &q.site).await {
            Ok(found) => found,
            Err((status, text)) => return refuse(status, text),
        };
        let filter = match parse_filter(&q.filter) {
            Ok((_, filter)) => filter,
            Err(_) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, t.refusals().segment_needs_correcting),
        };
        let mut columns: Vec<&'static str> = Vec::new();
        for code in q.columns.split(',').filter(|c| !c.is_empty()) {
            match COLUMNS.iter().find(|c| **c == code) {
                Some(c) if !columns.contains(c) => columns.push(c),
                Some(_) => {}
                None => {
                    return refuse(StatusCode::UNPROCESSABLE_ENTITY, &(t.refusals().no_such_column)(code));
                }
            }
        }
        if columns.is_empty() {
            columns = super::DEFAULT_COLUMNS.to_vec();
        }
        let flag_do_not_sell = q.do_not_sell == "flag";
        columns.retain(|c| *c != "do_not_sell");
        if flag_do_not_sell {
            columns.insert(0, "do_not_sell");
        }
        let detail = format!("columns: {}", columns.join(", "));
        if let Err((status, text)) = audit(t, &pool, &staff, AuditAction::Exported, site, &detail).await {
            return refuse(status, text);
        }
        let header_line = csv_line(columns.iter().map(|c| crate::admin::segments::subject_name(t, c).into()));
        let now = now();
        let (currency, _) = match crate::sites::db::site_rules(&pool, site).await {
            Ok(rules) => rules,
            Err(e) => {
                tracing::error!(error = %e, "export: site rules");
                return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal);
            }
        };
        let unsubscribe = if columns.contains(&"unsubscribe_url") {
            use crate::{public_pages::unsubscribe::SECRET, tokens::secret};
            match secret(&pool, SECRET).await {
                Ok(secret) => {
                    let prefix = format!("{}/p/{}/unsubscribe/", public.as_str(), q.site);
                    Some((prefix, secret))
                }
                Err(e) => {
                    tracing::error!(error = %e, "export: unsubscribe secret");
                    return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal);
                }
            }
        } else {
            None
        };
        let context = std::sync::Arc::new(RowContext { currency, site, unsubscribe });
        // State: the id of the last row written; None once the last chunk is out.
        let stream = futures_util::stream::unfold(Some(0i64), move |after| {
            let (pool, filter, columns, context) = (pool.clone(), filter.clone(), columns.clone(), context.clone());
            async move {
                let after = after?;
                match db::export_chunk(&pool, site, &filter, now, after, CHUNK, flag_do_not_sell).await {
                    Ok(rows) => {
                        let next = (rows.len() as i64 == CHUNK).then(|| rows.last().map_or(after, |r| r.id));
                        let text: String =
                            rows.iter().map(|r| csv_line(columns.iter().map(|c| cell(r, c, &context)))).collect();
                        Some((Ok::<_, std::io::Error>(Bytes::from(text)), next))
                    }
                    Err(e) => {
                        // The download ends broken rather than looking complete.
                        tracing::error!(error = %e, "export: reading rows");
                        Some((Err(std::io::Error::other("export failed")), None))
                    }
                }
            }
        });
        let body = futures_util::StreamExt::chain(
            futures_util::stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(header_line)) }),
            stream,
        );
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"segment.csv\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            Body::from_stream(body),
        )
            .into_response()
    }

    /// What every row's cells need besides the row.
    struct RowContext {
        currency: String,
        site: SiteId,
        /// The link start (`https://.../p/KEY/unsubscribe/`) and the secret links are signed with.
        unsubscribe: Option<(String, Vec<u8>)>,
    }

    fn cell<'a>(r: &'a ExportRow, column: &str, context: &RowContext) -> std::borrow::Cow<'a, str> {
        let text = |s: &'a str| std::borrow::Cow::Borrowed(s);
        let currency = &context.currency;
        match column {
            "first_name" => text(&r.first_name),
            "last_name" => text(&r.last_name),
            "email" => text(r.email.as_deref().unwrap_or("")),
            "phone" => text(r.phone.as_deref().unwrap_or("")),
            "street" => text(&r.street),
            "postcode" => text(&r.postcode),
            "city" => text(&r.city),
            "region" => text(&r.region),
            "country" => text(&r.country),
            "company" => text(&r.company),
            "gender" => text(r.gender.as_deref().unwrap_or("")),
            "birthday" => text(r.birthday.as_deref().unwrap_or("")),
            "joined" => text(&r.joined),
            "spent" => format!("{} {currency}", r.spent.plain()).into(),
            "purchases" => r.purchases.to_string().into(),
            "last_purchase" => text(r.last_purchase.as_deref().unwrap_or("")),
            "do_not_sell" => text(if r.do_not_sell { "yes" } else { "" }),
            "newsletter" => text(match r.newsletter {
                Some(true) => "granted",
                Some(false) => "withdrawn",
                None => "",
            }),
            "unsubscribe_url" => match &context.unsubscribe {
                Some((prefix, secret)) => {
                    let token = crate::public_pages::unsubscribe::token(
                        secret,
                        context.site,
                        crate::domain::CustomerId(r.id),
                        "newsletter",
                    );
                    format!("{prefix}{token}").into()
                }
                None => text(""),
            },
            _ => text(&r.tags),
        }
    }

    /// `GET /admin/labels?site=&filter=&sheet=a4`: a printable page of address labels for
    /// the segment, leaving out customers who withdrew consent to post and those without a
    /// postal address.
    pub async fn labels(State(pool): State<Db>, headers: HeaderMap, Query(q): Query<LabelsQuery>) -> Response {
        let lang = crate::staff::texts::choice::of_request(&headers);
        let t = crate::staff::texts::of(lang);
        let (staff, site) = match check(&pool, &headers, &q.site).await {
            Ok(found) => found,
            Err((status, text)) => return refuse(status, text),
        };
        let Ok((_, filter)) = parse_filter(&q.filter) else {
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, t.refusals().segment_needs_correcting);
        };
        let sheet = SHEETS.iter().find(|s| s.code == q.sheet).copied().unwrap_or(SHEETS[0]);
        let result = db::label_addresses(&pool, site, &filter, now(), MAX_LABELS).await;
        let (addresses, skipped) = match result {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, "labels: reading addresses");
                return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal);
            }
        };
        let detail = format!("{} labels, {} sheet, {skipped} left out", addresses.len(), sheet.code);
        if let Err((status, text)) = audit(t, &pool, &staff, AuditAction::PrintedLabels, site, &detail).await {
            return refuse(status, text);
        }
        Html(labels_page(lang, &sheet, &addresses, skipped)).into_response()
    }

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    }

    /// The sheet as HTML: one absolutely sized box per label, a page break per sheet.
    fn labels_page(lang: Lang, sheet: &Sheet, addresses: &[Vec<String>], skipped: i64) -> String {
        let per_page = (sheet.columns * sheet.rows) as usize;
        let (w, h) = sheet.size;
        let css = format!(
            "@page {{ size: {pw}mm {ph}mm; margin: 0 }}
             body {{ margin: 0; font: 10pt/1.3 system-ui, sans-serif }}
             .note {{ padding: 1em; background: #fff7d6 }} @media print {{ .note {{ display: none }} }}
             .sheet {{ width: {pw}mm; height: {ph}mm; padding: {mt}mm 0 0 {ml}mm; box-sizing: border-box;
                      display: grid; grid-template-columns: repeat({cols}, {w}mm); grid-auto-rows: {h}mm;
                      column-gap: {gx}mm; row-gap: {gy}mm; break-after: page }}
             .label {{ padding: 4mm 5mm; box-sizing: border-box; overflow: hidden; white-space: nowrap }}",
            pw = sheet.page.0,
            ph = sheet.page.1,
            mt = sheet.margin.1,
            ml = sheet.margin.0,
            cols = sheet.columns,
            gx = sheet.gap.0,
            gy = sheet.gap.1,
        );
        let w = crate::staff::texts::of(lang).segments();
        let note = (w.labels_note)(addresses.len(), (w.sheet)(sheet.code), skipped);
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\
             <style>{css}</style></head><body><p class=\"note\">{}</p>",
            lang.code(),
            escape(w.mailing_labels),
            escape(&note)
        );
        for page in addresses.chunks(per_page) {
            html.push_str("<div class=\"sheet\">");
            for lines in page {
                html.push_str("<div class=\"label\">");
                html.push_str(&lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>"));
                html.push_str("</div>");
            }
            html.push_str("</div>");
        }
        html.push_str("</body></html>");
        html
    }
}

#[cfg(test)]
mod words_tests {
    use crate::domain::CustomerField;
    use crate::staff::texts::{Lang, of};

    #[test]
    fn every_column_and_sheet_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            let w = &of(lang).segments();
            for column in super::COLUMNS {
                let named = CustomerField::from_column(column).is_some() || !(w.subject)(column).is_empty();
                assert!(named, "{} has no name for the column {column}", lang.code());
            }
            for sheet in super::SHEETS {
                assert!(!(w.sheet)(sheet.code).is_empty(), "{} has no name for the sheet {}", lang.code(), sheet.code);
            }
        }
    }
}
