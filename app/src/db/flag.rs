//! A yes/no read from the database, whichever backend answers it. PostgreSQL answers a
//! comparison or a `BOOLEAN` column as a boolean; SQLite has no booleans and answers 0 or 1.
//! sqlx's `Any` decodes a Rust `bool` only from the former, so a yes/no is read as a
//! [`Flag`], which takes either (docs/postgres.md).

use super::Backend;
use sqlx::any::AnyTypeInfoKind;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Type<Backend> for Flag {
    fn type_info() -> <Backend as Database>::TypeInfo {
        <bool as Type<Backend>>::type_info()
    }

    fn compatible(ty: &<Backend as Database>::TypeInfo) -> bool {
        ty.kind() == AnyTypeInfoKind::Bool || ty.kind().is_integer()
    }
}

impl<'r> Decode<'r, Backend> for Flag {
    fn decode(value: <Backend as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        use sqlx::ValueRef as _;
        if value.type_info().kind() == AnyTypeInfoKind::Bool {
            <bool as Decode<Backend>>::decode(value).map(Flag)
        } else {
            <i64 as Decode<Backend>>::decode(value).map(|n| Flag(n != 0))
        }
    }
}
