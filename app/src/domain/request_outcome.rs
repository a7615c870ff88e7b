//! What came of a customer's data request, stored as a code the admin words in its reader's
//! language (the Requests page), never as a sentence in one language.

use super::CustomerField;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestOutcome {
    /// Access: this many rows were handed over.
    HandedOver { rows: i64 },
    /// Erasure: this many rows in this many tables were erased.
    Erased { rows: i64, tables: i64 },
    /// An open request closed because its customer was erased.
    ClosedErased,
    /// A request closed because its emailed link expired unopened.
    ClosedUnconfirmed,
    /// Rectification: this field was corrected (the history keeps the values).
    Corrected(CustomerField),
    /// Do not sell: the customer is now marked not to be sold or shared.
    MarkedNotToSell,
    /// Do not sell: they were marked so already.
    MarkedAlready,
}

impl RequestOutcome {
    /// The stored code: `handed_over 12`, `erased 30 7`, `closed_erased`,
    /// `closed_unconfirmed`, `corrected email`.
    pub fn code(self) -> String {
        match self {
            RequestOutcome::HandedOver { rows } => format!("handed_over {rows}"),
            RequestOutcome::Erased { rows, tables } => format!("erased {rows} {tables}"),
            RequestOutcome::ClosedErased => "closed_erased".into(),
            RequestOutcome::ClosedUnconfirmed => "closed_unconfirmed".into(),
            RequestOutcome::Corrected(field) => format!("corrected {}", field.column()),
            RequestOutcome::MarkedNotToSell => "marked_not_to_sell".into(),
            RequestOutcome::MarkedAlready => "marked_already".into(),
        }
    }

    /// A stored outcome: a code, or the English sentence written before codes (so an older
    /// database's requests are worded in the reader's language too). `None` for anything else.
    pub fn parse(stored: &str) -> Option<RequestOutcome> {
        let number = |s: &str| s.trim().parse::<i64>().ok();
        let words: Vec<&str> = stored.split(' ').collect();
        match words.as_slice() {
            ["handed_over", rows] => return Some(RequestOutcome::HandedOver { rows: number(rows)? }),
            ["erased", rows, tables] => {
                return Some(RequestOutcome::Erased { rows: number(rows)?, tables: number(tables)? });
            }
            ["closed_erased"] => return Some(RequestOutcome::ClosedErased),
            ["closed_unconfirmed"] => return Some(RequestOutcome::ClosedUnconfirmed),
            ["marked_not_to_sell"] => return Some(RequestOutcome::MarkedNotToSell),
            ["marked_already"] => return Some(RequestOutcome::MarkedAlready),
            ["corrected", column] => return CustomerField::from_column(column).map(RequestOutcome::Corrected),
            [rows, "rows", "handed", "over"] => return Some(RequestOutcome::HandedOver { rows: number(rows)? }),
            [rows, "rows", "in", tables, "tables", "erased"] => {
                return Some(RequestOutcome::Erased { rows: number(rows)?, tables: number(tables)? });
            }
            _ => {}
        }
        match stored {
            "closed: the customer was erased" => Some(RequestOutcome::ClosedErased),
            "closed: the emailed link expired unopened, so the address was never confirmed" => {
                Some(RequestOutcome::ClosedUnconfirmed)
            }
            "marked: not to be sold or shared" => Some(RequestOutcome::MarkedNotToSell),
            "was marked already" => Some(RequestOutcome::MarkedAlready),
            _ => {
                let label = stored.strip_prefix("corrected: ")?;
                CustomerField::ALL.into_iter().find(|f| f.label() == label).map(RequestOutcome::Corrected)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_reads_back_from_its_code() {
        let all = [
            RequestOutcome::HandedOver { rows: 12 },
            RequestOutcome::Erased { rows: 30, tables: 7 },
            RequestOutcome::ClosedErased,
            RequestOutcome::ClosedUnconfirmed,
            RequestOutcome::Corrected(CustomerField::Email),
            RequestOutcome::MarkedNotToSell,
            RequestOutcome::MarkedAlready,
        ];
        for outcome in all {
            assert_eq!(RequestOutcome::parse(&outcome.code()), Some(outcome), "{}", outcome.code());
        }
    }

    #[test]
    fn the_english_sentences_of_older_databases_are_read_too() {
        assert_eq!(RequestOutcome::parse("3 rows handed over"), Some(RequestOutcome::HandedOver { rows: 3 }));
        assert_eq!(
            RequestOutcome::parse("40 rows in 9 tables erased"),
            Some(RequestOutcome::Erased { rows: 40, tables: 9 })
        );
        assert_eq!(
            RequestOutcome::parse("corrected: Last name"),
            Some(RequestOutcome::Corrected(CustomerField::LastName))
        );
        assert_eq!(RequestOutcome::parse("closed: the customer was erased"), Some(RequestOutcome::ClosedErased));
        assert_eq!(RequestOutcome::parse("handed over by phone"), None);
    }
}
