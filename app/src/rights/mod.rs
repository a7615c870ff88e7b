//! A customer's data rights, whoever acts on them (staff on the record, the customer through
//! the self-service pages, the retention job): the bundle of everything held about them, its
//! download, do-not-sell, and erasure leaving a tombstone. Staff's page is `admin::rights`.

pub mod db;
pub mod download;
