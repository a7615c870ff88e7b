//! `/api/v1/products`: a shop's systems keep its products in Patron (list, add, change,
//! archive). Products are named by their SKU, as the shop's own systems name them.

use super::auth::Caller;
use super::error::{ApiError, ErrorBody, FieldProblem};
use super::types::{PageQuery, ProductChange, ProductInput, ProductOut, ProductPage};
use super::{ApiState, body, page_bounds, query};
use crate::domain::{Field, FieldErrors, Minor, Problem};
use crate::products::{Product, ProductForm, ValidProduct};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;

impl From<Product> for ProductOut {
    fn from(p: Product) -> Self {
        ProductOut {
            id: p.id,
            sku: p.sku,
            name: p.name,
            names: p.names.into_iter().collect(),
            price_minor: p.price.0,
            currency: p.currency,
            category: p.category,
            image_url: p.image_url,
            stock_expected: p.stock_expected,
            archived: p.archived,
        }
    }
}

/// The parsers' problems under the names of the JSON body's fields.
fn invalid(errors: FieldErrors) -> ApiError {
    let name = |f: Field| match f {
        Field::Item => "sku",
        Field::ProductName => "name",
        Field::Language => "names",
        Field::UnitPrice => "price_minor",
        Field::Category => "category",
        Field::ImageUrl => "image_url",
        Field::StockExpected => "stock_expected",
        _ => "body",
    };
    ApiError::Invalid(errors.iter().map(|(f, p)| FieldProblem::new(name(*f), *p)).collect())
}

/// A price in minor units as the form takes it (major units), or the problem with it.
fn price(minor: i64, errors: &mut FieldErrors) -> String {
    if !(0..=Minor::MAX).contains(&minor) {
        errors.check(Field::UnitPrice, Err::<(), _>(Problem::OutOfRange));
    }
    Minor(minor.clamp(0, Minor::MAX)).plain()
}

#[utoipa::path(get, path = "/api/v1/products", tag = "products", params(PageQuery),
    security(("api_key" = ["products:read"])),
    responses((status = 200, body = ProductPage), (status = "4XX", body = ErrorBody)))]
pub async fn list(
    State(s): State<ApiState>,
    caller: Caller,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<ProductPage>, ApiError> {
    caller.require("products:read")?;
    let q = query(q)?;
    let (after, limit) = page_bounds("after", q.after, q.limit)?;
    let data: Vec<ProductOut> =
        crate::products::db::after(&s.pool, caller.site, after, limit).await?.into_iter().map(Into::into).collect();
    let next_after = (data.len() as i64 == limit).then(|| data.last().map(|p| p.id)).flatten();
    Ok(Json(ProductPage { data, next_after }))
}

#[utoipa::path(get, path = "/api/v1/products/{sku}", tag = "products",
    params(("sku" = String, Path, description = "The product's SKU")),
    security(("api_key" = ["products:read"])),
    responses((status = 200, body = ProductOut), (status = "4XX", body = ErrorBody)))]
pub async fn get(
    State(s): State<ApiState>,
    caller: Caller,
    sku: Result<Path<String>, PathRejection>,
) -> Result<Json<ProductOut>, ApiError> {
    caller.require("products:read")?;
    let Ok(Path(sku)) = sku else { return Err(ApiError::NotFound("product")) };
    let mut conn = s.pool.acquire().await?;
    let found = crate::products::db::by_sku(&mut conn, caller.site, &sku).await?;
    found.map(|p| Json(p.into())).ok_or(ApiError::NotFound("product"))
}

#[utoipa::path(post, path = "/api/v1/products", tag = "products", request_body = ProductInput,
    security(("api_key" = ["products:write"])),
    responses((status = 201, description = "Created", body = ProductOut), (status = "4XX", body = ErrorBody)))]
pub async fn create(
    State(s): State<ApiState>,
    caller: Caller,
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<ProductOut>), ApiError> {
    caller.require("products:write")?;
    let input = body::<ProductInput>(input)?;
    let mut errors = FieldErrors::new();
    // In stock is said by leaving the date out (or null), not by an empty one.
    if input.stock_expected.as_deref().is_some_and(|d| d.trim().is_empty()) {
        errors.add(Field::StockExpected, Problem::NotADate);
    }
    let form = ProductForm {
        sku: input.sku,
        name: input.name,
        names: input.names.unwrap_or_default(),
        price: price(input.price_minor, &mut errors),
        category: input.category.unwrap_or_default(),
        image_url: input.image_url.unwrap_or_default(),
        stock_expected: input.stock_expected.unwrap_or_default(),
    };
    save(&s, &caller, &form, errors, true).await.map(|p| (StatusCode::CREATED, Json(p)))
}

#[utoipa::path(patch, path = "/api/v1/products/{sku}", tag = "products", request_body = ProductChange,
    params(("sku" = String, Path, description = "The product's SKU")),
    security(("api_key" = ["products:write"])),
    responses((status = 200, body = ProductOut), (status = "4XX", body = ErrorBody)))]
pub async fn change(
    State(s): State<ApiState>,
    caller: Caller,
    sku: Result<Path<String>, PathRejection>,
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ProductOut>, ApiError> {
    caller.require("products:write")?;
    let Ok(Path(sku)) = sku else { return Err(ApiError::NotFound("product")) };
    let input = body::<ProductChange>(input)?;
    let mut conn = s.pool.acquire().await?;
    let old = crate::products::db::by_sku(&mut conn, caller.site, &sku).await?.ok_or(ApiError::NotFound("product"))?;
    drop(conn);
    let mut errors = FieldErrors::new();
    if matches!(&input.stock_expected, Some(Some(d)) if d.trim().is_empty()) {
        errors.add(Field::StockExpected, Problem::NotADate);
    }
    let form = ProductForm {
        sku: old.sku.clone(),
        name: input.name.unwrap_or(old.name),
        names: input.names.unwrap_or_else(|| old.names.into_iter().collect()),
        price: price(input.price_minor.unwrap_or(old.price.0), &mut errors),
        category: input.category.unwrap_or(old.category),
        image_url: input.image_url.unwrap_or(old.image_url),
        stock_expected: match input.stock_expected {
            Some(expected) => expected.unwrap_or_default(),
            None => old.stock_expected.unwrap_or_default(),
        },
    };
    let product = save(&s, &caller, &form, errors, false).await?;
    match input.archived {
        Some(archived) if archived != product.archived => {
            crate::products::db::set_archived(&s.pool, caller.site, &product.sku, archived).await?;
            tracing::info!(key = caller.key, sku = product.sku, archived, "product archived through the API");
            Ok(Json(ProductOut { archived, ..product }))
        }
        _ => Ok(Json(product)),
    }
}

async fn save(
    s: &ApiState,
    caller: &Caller,
    form: &ProductForm,
    mut errors: FieldErrors,
    create: bool,
) -> Result<ProductOut, ApiError> {
    use crate::products::db::Saved;
    let (_, languages) = crate::products::db::site_terms(&s.pool, caller.site).await?;
    // A name in a language the site does not write in (its default one is `name`) is at odds
    // with the site's settings, not with the request's shape.
    let shipped = crate::widgets::texts::Lang::ALL.map(|l| l.code());
    let unknown: Vec<FieldProblem> = form
        .names
        .keys()
        .filter(|language| !shipped.contains(&language.as_str()))
        .map(|language| FieldProblem::new(format!("names.{language}"), Problem::UnknownOption))
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::Invalid(unknown));
    }
    let unwritten: Vec<FieldProblem> = form
        .names
        .iter()
        .filter(|(language, name)| !name.trim().is_empty() && !languages.contains(*language))
        .map(|(language, _)| FieldProblem::new(format!("names.{language}"), Problem::UnknownOption))
        .collect();
    if !unwritten.is_empty() && errors.is_empty() {
        return Err(ApiError::Conflict(unwritten));
    }
    let product = match ValidProduct::parse(form, &languages) {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => return Err(invalid(errors)),
        Err(more) => {
            for (f, p) in more.iter() {
                errors.check(*f, Err::<(), _>(*p));
            }
            return Err(invalid(errors));
        }
    };
    match crate::products::db::save(&s.pool, caller.site, &product, create).await? {
        Saved::SkuTaken => return Err(ApiError::Conflict(vec![FieldProblem::new("sku", Problem::Taken)])),
        Saved::NotFound => return Err(ApiError::NotFound("product")),
        saved => tracing::info!(key = caller.key, sku = product.sku.as_str(), ?saved, "product saved through the API"),
    }
    let mut conn = s.pool.acquire().await?;
    let stored = crate::products::db::by_sku(&mut conn, caller.site, product.sku.as_str()).await?;
    stored.map(Into::into).ok_or(ApiError::NotFound("product"))
}
