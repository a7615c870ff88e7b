//! Typed database ids, so a customer id cannot be passed where a site id is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        // By hand rather than `#[derive(sqlx::Type)]`: the derive needs sqlx's macros
        // feature, which compiles a proc-macro crate for three one-line impls.
        #[cfg(feature = "ssr")]
        impl sqlx::Type<crate::db::Backend> for $name {
            fn type_info() -> <crate::db::Backend as sqlx::Database>::TypeInfo {
                <i64 as sqlx::Type<crate::db::Backend>>::type_info()
            }
            fn compatible(ty: &<crate::db::Backend as sqlx::Database>::TypeInfo) -> bool {
                <i64 as sqlx::Type<crate::db::Backend>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl sqlx::Encode<'_, crate::db::Backend> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <crate::db::Backend as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <i64 as sqlx::Encode<'_, crate::db::Backend>>::encode_by_ref(&self.0, buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, crate::db::Backend> for $name {
            fn decode(value: <crate::db::Backend as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                <i64 as sqlx::Decode<'r, crate::db::Backend>>::decode(value).map($name)
            }
        }
    };
}

id_type!(/// A row of `sites`.
    SiteId);
id_type!(/// A row of `customers`.
    CustomerId);
id_type!(/// A row of `staff_users`.
    StaffId);
