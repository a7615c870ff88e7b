//! A balance from the ledger. Earned stamps or points may expire; what is redeemed or taken
//! away uses up the earliest-expiring first (never-expiring last), so a customer never loses
//! to expiry what they could have spent. The ledger is read in order and replayed: the
//! balance is whatever is left unexpired at the end.

/// One ledger entry as the replay needs it. Times are the database's ISO-8601 UTC text,
/// which orders as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub amount: i64,
    pub at: String,
    pub expires_at: Option<String>,
}

/// What is left at `now` of `entries` (in the order they were written).
pub fn balance(entries: &[Entry], now: &str) -> i64 {
    // Unspent earnings: (amount left, expiry).
    let mut lots: Vec<(i64, Option<&str>)> = Vec::new();
    for e in entries {
        lots.retain(|(_, expiry)| expiry.is_none_or(|x| x > e.at.as_str()));
        if e.amount > 0 {
            lots.push((e.amount, e.expires_at.as_deref()));
            continue;
        }
        let mut debit = -e.amount;
        // Earliest expiry first; `None` (never) sorts last.
        lots.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        for lot in lots.iter_mut() {
            let used = lot.0.min(debit);
            lot.0 -= used;
            debit -= used;
            if debit == 0 {
                break;
            }
        }
        lots.retain(|(left, _)| *left > 0);
    }
    lots.iter().filter(|(_, expiry)| expiry.is_none_or(|x| x > now)).map(|(left, _)| left).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(amount: i64, at: &str, expires_at: Option<&str>) -> Entry {
        Entry { amount, at: at.to_owned(), expires_at: expires_at.map(str::to_owned) }
    }

    #[test]
    fn earnings_less_redemptions_without_expiry() {
        let entries = [e(10, "2026-01-01", None), e(3, "2026-01-02", None), e(-10, "2026-01-03", None)];
        assert_eq!(balance(&entries, "2026-02-01"), 3);
        assert_eq!(balance(&[], "2026-02-01"), 0);
    }

    #[test]
    fn what_expired_unspent_is_gone_and_a_later_redemption_cannot_use_it() {
        let entries = [e(10, "2026-01-01", Some("2026-01-05")), e(10, "2026-01-06", Some("2026-01-20"))];
        assert_eq!(balance(&entries, "2026-01-04"), 10, "only the first exists on the 4th");
        assert_eq!(balance(&entries, "2026-01-07"), 10, "the first expired, the second counts");
        let mut spent = entries.to_vec();
        spent.push(e(-10, "2026-01-07", None));
        assert_eq!(balance(&spent, "2026-01-08"), 0);
        assert_eq!(balance(&entries, "2026-01-21"), 0);
    }

    #[test]
    fn a_redemption_uses_the_earliest_expiring_first() {
        let entries = [e(5, "2026-01-01", None), e(5, "2026-01-02", Some("2026-02-01")), e(-5, "2026-01-03", None)];
        // The expiring five were used, so nothing is lost on 1 February.
        assert_eq!(balance(&entries, "2026-03-01"), 5);
    }

    #[test]
    fn mixed_earn_redeem_and_adjust() {
        let entries = [
            e(4, "2026-01-01", Some("2026-06-01")),
            e(6, "2026-01-02", Some("2026-06-02")),
            e(-2, "2026-01-03", None), // taken away by staff
            e(3, "2026-01-04", None),  // given by staff
            e(-10, "2026-01-05", None),
            e(0, "2026-01-06", None), // a birthday gift
        ];
        assert_eq!(balance(&entries, "2026-01-07"), 1);
        assert_eq!(balance(&entries, "2026-07-01"), 1, "what is left never expires");
    }
}
