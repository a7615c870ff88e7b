//! The cipher as SQL functions on every connection Patron opens, so queries seal, open and
//! index PII where they read and write it, and the features' SQL stays in their `db`
//! modules (see docs/security.md, "PII at rest"):
//!
//! - `pii_seal(text)`: a sealed value; NULL stays NULL, '' stays ''.
//! - `pii_open(sealed)`: the plain text; an error for anything this key did not seal.
//! - `pii_hash(kind, text)`: the blind index of a whole value (NULL for NULL or '').
//! - `pii_prefix(text, n)`: the lookup key of a value starting with n characters (NULL for
//!   NULL or ''); the key of a typed start is the start of the keys of the values it begins.
//! - `pii_prefix_end(text, n)`: the first key past those, so `key >= pii_prefix(t, n) AND
//!   key < pii_prefix_end(t, n)` is an index range of the values that begin with t.
//! - `pii_is_sealed(text)`: whether a value needs no sealing (NULL and '' need none).
//! - `pii_fingerprint()`: the key's fingerprint, which the database records.
//!
//! sqlx has no binding for `sqlite3_create_function_v2`; it is called here on the raw
//! handle sqlx lends out, as sqlx's own `regexp` function does.

use super::cipher::PiiKey;
use libsqlite3_sys as ffi;
use std::ffi::{CStr, c_int, c_void};
use std::sync::Arc;

type Body = unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);

/// Registers the seven functions on `db`, each holding its own reference to `key`.
///
/// # Safety
/// `db` must be an open connection that nothing else uses during the call.
pub unsafe fn register(db: *mut ffi::sqlite3, key: &Arc<PiiKey>) -> Result<(), c_int> {
    // pii_seal draws a random nonce, so SQLite must not treat it as deterministic.
    let functions: [(&CStr, c_int, bool, Body); 7] = [
        (c"pii_seal", 1, false, seal),
        (c"pii_open", 1, true, open),
        (c"pii_hash", 2, true, hash),
        (c"pii_prefix", 2, true, prefix),
        (c"pii_prefix_end", 2, true, prefix_end),
        (c"pii_is_sealed", 1, true, is_sealed),
        (c"pii_fingerprint", 0, true, fingerprint),
    ];
    for (name, args, deterministic, body) in functions {
        let flags = ffi::SQLITE_UTF8 | if deterministic { ffi::SQLITE_DETERMINISTIC } else { 0 };
        let data = Arc::into_raw(Arc::clone(key)) as *mut c_void;
        // SAFETY: `db` is open (the caller's promise); `data` is a live Arc that `release`
        // gives back when SQLite drops the function (also when registering fails).
        let code = unsafe {
            ffi::sqlite3_create_function_v2(db, name.as_ptr(), args, flags, data, Some(body), None, None, Some(release))
        };
        if code != ffi::SQLITE_OK {
            return Err(code);
        }
    }
    Ok(())
}

unsafe extern "C" fn release(data: *mut c_void) {
    // SAFETY: `data` came from `Arc::into_raw` in `register`, and SQLite calls this once.
    drop(unsafe { Arc::from_raw(data as *const PiiKey) });
}

/// The key a call's function was registered with.
///
/// # Safety
/// `ctx` must be the context SQLite passed to one of the functions `register` made.
unsafe fn key<'a>(ctx: *mut ffi::sqlite3_context) -> &'a PiiKey {
    // SAFETY: the user data is the Arc's pointer, alive while the function is registered.
    unsafe { &*(ffi::sqlite3_user_data(ctx) as *const PiiKey) }
}

/// The text of argument `i`, or None for NULL (other types are read as their text).
///
/// # Safety
/// `args` must hold more than `i` values, as SQLite guarantees by the declared arity.
unsafe fn text<'a>(args: *mut *mut ffi::sqlite3_value, i: usize) -> Option<Result<&'a str, ()>> {
    // SAFETY: as the caller promises; SQLite keeps the text alive until the call returns.
    unsafe {
        let value = *args.add(i);
        if ffi::sqlite3_value_type(value) == ffi::SQLITE_NULL {
            return None;
        }
        let ptr = ffi::sqlite3_value_text(value);
        let len = ffi::sqlite3_value_bytes(value);
        if ptr.is_null() {
            return Some(Ok(""));
        }
        let bytes = std::slice::from_raw_parts(ptr, usize::try_from(len).unwrap_or(0));
        Some(std::str::from_utf8(bytes).map_err(|_| ()))
    }
}

/// # Safety
/// `ctx` must be a live function context.
unsafe fn give_text(ctx: *mut ffi::sqlite3_context, s: &str) {
    // SAFETY: SQLITE_TRANSIENT makes SQLite copy the bytes before this returns.
    unsafe { ffi::sqlite3_result_text(ctx, s.as_ptr().cast(), s.len() as c_int, ffi::SQLITE_TRANSIENT()) }
}

/// # Safety
/// `ctx` must be a live function context.
unsafe fn give_blob(ctx: *mut ffi::sqlite3_context, b: &[u8]) {
    // SAFETY: as above.
    unsafe { ffi::sqlite3_result_blob(ctx, b.as_ptr().cast(), b.len() as c_int, ffi::SQLITE_TRANSIENT()) }
}

/// # Safety
/// `ctx` must be a live function context.
unsafe fn give_error(ctx: *mut ffi::sqlite3_context, message: &str) {
    // SAFETY: SQLite copies the message.
    unsafe { ffi::sqlite3_result_error(ctx, message.as_ptr().cast(), message.len() as c_int) }
}

const NOT_UTF8: &str = "pii: the value is not UTF-8 text";

unsafe extern "C" fn seal(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    // SAFETY (all six bodies): SQLite calls them with their own context and declared arity.
    unsafe {
        match text(args, 0) {
            None => ffi::sqlite3_result_null(ctx),
            Some(Ok(plain)) => give_text(ctx, &key(ctx).seal(plain)),
            Some(Err(())) => give_error(ctx, NOT_UTF8),
        }
    }
}

unsafe extern "C" fn open(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    unsafe {
        match text(args, 0) {
            None => ffi::sqlite3_result_null(ctx),
            Some(Ok(sealed)) => match key(ctx).open(sealed) {
                Ok(plain) => give_text(ctx, &plain),
                Err(e) => give_error(ctx, &format!("pii_open: {e}")),
            },
            Some(Err(())) => give_error(ctx, NOT_UTF8),
        }
    }
}

unsafe extern "C" fn hash(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    unsafe {
        match (text(args, 0), text(args, 1)) {
            (Some(Ok(kind)), Some(Ok(value))) if !value.is_empty() => give_blob(ctx, &key(ctx).hash(kind, value)),
            (Some(Err(())), _) | (_, Some(Err(()))) => give_error(ctx, NOT_UTF8),
            _ => ffi::sqlite3_result_null(ctx),
        }
    }
}

unsafe extern "C" fn prefix(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    unsafe { prefix_key(ctx, args, PiiKey::prefix) }
}

unsafe extern "C" fn prefix_end(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    unsafe { prefix_key(ctx, args, PiiKey::prefix_end) }
}

/// Gives `make(text, n)` for the call's arguments `(text, n)`.
///
/// # Safety
/// As for the functions: `ctx` and `args` (two of them) are what SQLite passed.
unsafe fn prefix_key(
    ctx: *mut ffi::sqlite3_context,
    args: *mut *mut ffi::sqlite3_value,
    make: fn(&PiiKey, &str, usize) -> Vec<u8>,
) {
    unsafe {
        let chars = usize::try_from(ffi::sqlite3_value_int(*args.add(1))).unwrap_or(0);
        match text(args, 0) {
            Some(Ok(value)) if !value.trim().is_empty() => give_blob(ctx, &make(key(ctx), value, chars)),
            Some(Err(())) => give_error(ctx, NOT_UTF8),
            _ => ffi::sqlite3_result_null(ctx),
        }
    }
}

unsafe extern "C" fn is_sealed(ctx: *mut ffi::sqlite3_context, _: c_int, args: *mut *mut ffi::sqlite3_value) {
    unsafe {
        let sealed = match text(args, 0) {
            None => true,
            Some(Ok(value)) => PiiKey::looks_sealed(value),
            Some(Err(())) => false,
        };
        ffi::sqlite3_result_int(ctx, c_int::from(sealed));
    }
}

unsafe extern "C" fn fingerprint(ctx: *mut ffi::sqlite3_context, _: c_int, _: *mut *mut ffi::sqlite3_value) {
    unsafe { give_text(ctx, key(ctx).fingerprint()) }
}
