//! Portuguese.

use super::*;
use crate::staff::texts::plural::counted;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Importar clientes",
        explained: "Um ficheiro CSV com linha de cabeçalho, separado por vírgulas ou ponto e vírgula. Cada linha \
                    precisa de um e-mail ou telefone: um cliente com esse e-mail (ou, não havendo, telefone) é \
                    atualizado onde o ficheiro difere, qualquer outro é acrescentado. Importar o mesmo ficheiro de \
                    novo não muda nada.",
        would: |new, updated, unchanged| {
            format!(
                "{}, {updated} atualizados, {unchanged} sem alterações",
                counted(new, "cliente novo", "clientes novos")
            )
        },
        done: |new, updated, unchanged| {
            format!("Concluído: {new} novos, {updated} atualizados, {unchanged} sem alterações.")
        },
    },
    products: ImportKindWords {
        title: "Importar produtos",
        explained: "Um ficheiro CSV com linha de cabeçalho: em cada linha um código (SKU), um nome e um preço. Um \
                    produto com esse código é atualizado onde o ficheiro difere, qualquer outro é acrescentado; nada \
                    é arquivado. Importar o mesmo ficheiro de novo não muda nada.",
        would: |new, updated, unchanged| {
            format!(
                "{}, {updated} atualizados, {unchanged} sem alterações",
                counted(new, "produto novo", "produtos novos")
            )
        },
        done: |new, updated, unchanged| {
            format!(
                "Concluído: {}, {updated} atualizados, {unchanged} sem alterações.",
                counted(new, "produto novo", "produtos novos")
            )
        },
    },
    purchases: ImportKindWords {
        title: "Importar compras anteriores",
        explained: "As encomendas da sua caixa ou loja online antiga em CSV: um número de encomenda, uma data, o \
                    e-mail ou telefone do cliente, e as linhas (artigo, quantidade, preço unitário) ou um total. \
                    Linhas com o mesmo número de encomenda são uma compra. Os clientes são reconhecidos como na \
                    importação de clientes, e acrescentados quando novos. Um número de encomenda que já existe fica \
                    como está, por isso importar o ficheiro de novo não muda nada. Compras anteriores não dão selos \
                    nem pontos e não enviam webhooks.",
        would: |purchases, customers, here| {
            format!(
                "{} a acrescentar (com {}), {here} já existentes",
                counted(purchases, "compra", "compras"),
                counted(customers, "cliente novo", "clientes novos")
            )
        },
        done: |purchases, customers, here| {
            format!(
                "Concluído: {} acrescentadas, {}, {here} já existentes.",
                counted(purchases, "compra", "compras"),
                counted(customers, "cliente novo", "clientes novos")
            )
        },
    },
    kinds: "O que importar",
    file: "Ficheiro CSV",
    map_rows: |n| format!("{} · associe as colunas", counted(n as i64, "linha", "linhas")),
    column: "Coluna",
    import_as: "Importar como",
    first_rows: "Primeiras linhas",
    import_column_as: |column| format!("Importar a coluna {column} como"),
    skip: "(ignorar esta coluna)",
    target: |code| match code {
        "address" => "Morada numa só (dividida em rua, código postal, localidade…)",
        "tags" => "Etiquetas (separadas por vírgulas)",
        "sku" => "Código (SKU)",
        "name" => "Nome",
        "price" => "Preço",
        "category" => "Categoria",
        "image_url" => "Endereço da imagem",
        "stock_expected" => "Em stock a partir de (data)",
        "order_id" => "Número da encomenda",
        "date" => "Data",
        "item" => "Linha: nome do artigo",
        "quantity" => "Linha: quantidade",
        "unit_price" => "Linha: preço unitário",
        "total" => "Total da encomenda",
        "payment_method" => "Meio de pagamento",
        _ => "",
    },
    customer_email: "E-mail do cliente",
    customer_phone: "Telefone do cliente",
    name_in: |language| format!("Nome ({language})"),
    check: "Verificar o ficheiro (ensaio)",
    problems: |n| {
        format!(
            "{}: corrija estas linhas no ficheiro, ou importe as linhas válidas e corrija o resto mais tarde.",
            counted(n as i64, "problema", "problemas")
        )
    },
    more: |n| format!("… e mais {n}, todos no ficheiro das linhas rejeitadas."),
    download_rejected: "Descarregar as linhas rejeitadas (CSV)",
    import_valid: "Importar as linhas válidas",
    import: "Importar",
    progress: "Progresso da importação",
    rows_done: |done, total| format!("{done} de {total} linhas…"),
    skipped: |n| {
        if n == 1 {
            "1 linha com problemas ficou de fora.".into()
        } else {
            format!("{n} linhas com problemas ficaram de fora.")
        }
    },
    failed: "A importação parou; as linhas anteriores estão guardadas. Execute-a de novo: as linhas já importadas não \
             são duplicadas.",
    line: |line, field, problem| format!("Linha {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Etiquetas",
        Field::Item => "Código",
        Field::ProductName => "Nome",
        Field::UnitPrice => "Preço",
        Field::Category => "Categoria",
        Field::ImageUrl => "Endereço da imagem",
        Field::StockExpected => "Em stock a partir de",
        Field::Language => "Língua do nome",
        Field::PurchaseDate => "Data",
        Field::Email => "E-mail do cliente",
        Field::Phone => "Telefone do cliente",
        Field::Description => "Nome do artigo",
        Field::Quantity => "Quantidade",
        Field::Amount => "Total da encomenda",
        Field::Code => "Número da encomenda",
        Field::PaymentMethod => "Meio de pagamento",
        Field::Customer(_) => "",
        _ => "Linha",
    },
    problem_column: "Problema",
    other_line_of_order: "Outra linha desta encomenda tem um problema.",
};
