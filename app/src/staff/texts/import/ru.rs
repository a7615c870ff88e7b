//! Russian.

use super::*;
use crate::staff::texts::plural::russian_plural;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Импорт клиентов",
        explained: "CSV-файл со строкой заголовков, значения разделены запятыми или точками с запятой. В каждой \
                    строке нужен email или телефон: клиент с этим email (а если его нет — телефоном) обновляется там, \
                    где файл отличается, остальные добавляются. Повторный импорт того же файла ничего не меняет.",
        would: |new, updated, unchanged| {
            format!(
                "{new} {}, обновлено: {updated}, без изменений: {unchanged}",
                russian_plural(new, "новый клиент", "новых клиента", "новых клиентов")
            )
        },
        done: |new, updated, unchanged| format!("Готово: новых {new}, обновлено {updated}, без изменений {unchanged}."),
    },
    products: ImportKindWords {
        title: "Импорт товаров",
        explained: "CSV-файл со строкой заголовков: в каждой строке артикул (SKU), название и цена. Товар с этим \
                    артикулом обновляется там, где файл отличается, остальные добавляются; ничего не уходит в архив. \
                    Повторный импорт того же файла ничего не меняет.",
        would: |new, updated, unchanged| {
            format!(
                "{new} {}, обновлено: {updated}, без изменений: {unchanged}",
                russian_plural(new, "новый товар", "новых товара", "новых товаров")
            )
        },
        done: |new, updated, unchanged| {
            format!("Готово: новых товаров {new}, обновлено {updated}, без изменений {unchanged}.")
        },
    },
    purchases: ImportKindWords {
        title: "Импорт прошлых покупок",
        explained: "Заказы из вашей старой кассы или интернет-магазина в CSV: номер заказа, дата, email или телефон \
                    клиента и либо позиции (товар, количество, цена за штуку), либо сумма. Строки с одним номером \
                    заказа — одна покупка. Клиенты узнаются так же, как при импорте клиентов, и добавляются, если \
                    они новые. Номер заказа, который уже есть, остаётся как есть, поэтому повторный импорт файла \
                    ничего не меняет. За прошлые покупки не начисляются штампы и баллы, и вебхуки не отправляются.",
        would: |purchases, customers, here| {
            format!(
                "Добавить {purchases} {} (с {customers} {}), уже есть: {here}",
                russian_plural(purchases, "покупку", "покупки", "покупок"),
                russian_plural(customers, "новым клиентом", "новыми клиентами", "новыми клиентами")
            )
        },
        done: |purchases, customers, here| {
            format!("Готово: добавлено покупок {purchases}, новых клиентов {customers}, уже было {here}.")
        },
    },
    kinds: "Что импортировать",
    file: "CSV-файл",
    map_rows: |n| format!("{n} {} · сопоставьте столбцы", russian_plural(n as i64, "строка", "строки", "строк")),
    column: "Столбец",
    import_as: "Импортировать как",
    first_rows: "Первые строки",
    import_column_as: |column| format!("Импортировать столбец {column} как"),
    skip: "(пропустить столбец)",
    target: |code| match code {
        "address" => "Адрес целиком (разделить на улицу, индекс, город…)",
        "tags" => "Метки (через запятую)",
        "sku" => "Артикул (SKU)",
        "name" => "Название",
        "price" => "Цена",
        "category" => "Категория",
        "image_url" => "Адрес изображения",
        "stock_expected" => "Ожидается в наличии (дата)",
        "order_id" => "Номер заказа",
        "date" => "Дата",
        "item" => "Позиция: название товара",
        "quantity" => "Позиция: количество",
        "unit_price" => "Позиция: цена за штуку",
        "total" => "Сумма заказа",
        "payment_method" => "Способ оплаты",
        _ => "",
    },
    customer_email: "Email клиента",
    customer_phone: "Телефон клиента",
    name_in: |language| format!("Название ({language})"),
    check: "Проверить файл (пробный прогон)",
    problems: |n| {
        format!(
            "{n} {}: исправьте эти строки в файле или импортируйте верные строки, а остальные исправьте позже.",
            russian_plural(n as i64, "проблема", "проблемы", "проблем")
        )
    },
    more: |n| format!("… и ещё {n}, все они в файле отклонённых строк."),
    download_rejected: "Скачать отклонённые строки (CSV)",
    import_valid: "Импортировать верные строки",
    import: "Импортировать",
    progress: "Ход импорта",
    rows_done: |done, total| format!("{done} из {total} строк…"),
    skipped: |n| format!("Пропущено {n} {} с проблемами.", russian_plural(n, "строка", "строки", "строк")),
    failed: "Импорт остановился; строки до этого места сохранены. Запустите его снова: уже импортированные строки \
             не задвоятся.",
    line: |line, field, problem| format!("Строка {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Метки",
        Field::Item => "Артикул",
        Field::ProductName => "Название",
        Field::UnitPrice => "Цена",
        Field::Category => "Категория",
        Field::ImageUrl => "Адрес изображения",
        Field::StockExpected => "Ожидается в наличии",
        Field::Language => "Язык названия",
        Field::PurchaseDate => "Дата",
        Field::Email => "Email клиента",
        Field::Phone => "Телефон клиента",
        Field::Description => "Название товара",
        Field::Quantity => "Количество",
        Field::Amount => "Сумма заказа",
        Field::Code => "Номер заказа",
        Field::PaymentMethod => "Способ оплаты",
        Field::Customer(_) => "",
        _ => "Строка",
    },
    problem_column: "Проблема",
    other_line_of_order: "В другой строке этого заказа есть проблема.",
};
