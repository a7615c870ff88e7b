//! Candidate pairs without comparing everyone with everyone: customers are grouped by
//! email key, phone key and address key, and only members of one group are compared.

use super::matching::{Person, Reason, address_key, email_key, phone_key, reasons};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A group bigger than this is not a person with a few records but a shared value (a
/// shop's own phone typed for walk-ins, a care home's address): it is not compared.
pub const MAX_GROUP: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The older record (lower id) first.
    pub a: i64,
    pub b: i64,
    pub reasons: Vec<Reason>,
}

/// Every likely duplicate pair among `people` that was not dismissed, strongest reason
/// first, then oldest records first.
pub fn find(people: &[Person], dismissed: &HashSet<(i64, i64)>) -> Vec<Pair> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let keys = [
            p.email.as_deref().and_then(email_key).map(|k| format!("e:{k}")),
            p.phone.as_deref().and_then(phone_key).map(|k| format!("p:{k}")),
            address_key(&p.street, &p.postcode).map(|k| format!("a:{k}")),
        ];
        for key in keys.into_iter().flatten() {
            groups.entry(key).or_default().push(i);
        }
    }
    let mut pairs: BTreeMap<(i64, i64), Vec<Reason>> = BTreeMap::new();
    for members in groups.values().filter(|m| m.len() > 1 && m.len() <= MAX_GROUP) {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (x, y) = (&people[i], &people[j]);
                let key = (x.id.min(y.id), x.id.max(y.id));
                if pairs.contains_key(&key) || dismissed.contains(&key) {
                    continue;
                }
                let why = reasons(x, y);
                if !why.is_empty() {
                    pairs.insert(key, why);
                }
            }
        }
    }
    let mut found: Vec<Pair> = pairs.into_iter().map(|((a, b), reasons)| Pair { a, b, reasons }).collect();
    found.sort_by(|p, q| p.reasons[0].cmp(&q.reasons[0]).then(p.a.cmp(&q.a)).then(p.b.cmp(&q.b)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: i64, first: &str, last: &str, email: &str, phone: &str) -> Person {
        Person {
            id,
            first_name: first.into(),
            last_name: last.into(),
            email: (!email.is_empty()).then(|| email.into()),
            phone: (!phone.is_empty()).then(|| phone.into()),
            ..Default::default()
        }
    }

    #[test]
    fn pairs_come_once_with_every_reason_and_dismissed_pairs_stay_away() {
        let people = [
            p(1, "Ann", "Lee", "ann@example.com", "0612345678"),
            p(2, "Ann", "Lee", "ANN@example.com", "+31 6 1234 5678"),
            p(3, "Bo", "Berg", "bo@example.com", ""),
            p(4, "Bo", "Berg", "bo+shop@example.com", ""),
        ];
        let found = find(&people, &HashSet::new());
        assert_eq!(
            found,
            [
                Pair { a: 1, b: 2, reasons: vec![Reason::SameEmail, Reason::SamePhone] },
                Pair { a: 3, b: 4, reasons: vec![Reason::SameEmail] },
            ]
        );
        assert_eq!(find(&people, &HashSet::from([(1, 2)])).len(), 1);
    }
}
