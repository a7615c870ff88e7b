//! Portuguese.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::Pt,
    optional: "opcional",
    send: "Enviar",
    sending: "A enviar…",
    loading: "A carregar…",
    unavailable: "Este formulário não está disponível de momento.",
    try_again: "Algo correu mal. Por favor, tente novamente.",
    not_saved_now: "Não foi possível guardar isto agora. Por favor, tente novamente dentro de alguns minutos.",
    fix_fields: "Por favor, corrija os campos assinalados.",
    unknown_widget: "Widget Patron desconhecido",
    thanks_answer: "Obrigado pela sua resposta!",
    save: "Guardar",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Por favor, preencha este campo.",
    too_long: "Isto é demasiado longo.",
    too_short: "Isto é demasiado curto.",
    not_an_email: "Introduza um endereço de e-mail válido, como nome@exemplo.pt.",
    not_a_phone: "Introduza um número de telefone com algarismos, espaços e um + inicial opcional.",
    bad_characters: "Isto contém caracteres que não são permitidos.",
    out_of_range: "Por favor, escolha um dos valores indicados.",
    unknown_option: "Por favor, escolha uma das opções indicadas.",
    not_a_ranking: "Por favor, dê a cada opção exatamente uma posição.",
    not_a_number: "Por favor, introduza um número inteiro.",
    not_an_amount: "Por favor, introduza um valor, como 12,50.",
    not_a_date: "Por favor, introduza uma data.",
    already_registered: "Este número de série já está registado.",
    must_agree: "Marque esta caixa para continuar.",
    first_name: "Nome próprio",
    last_name: "Apelido",
    email: "E-mail",
    phone: "Telefone",
    privacy_policy: "Política de privacidade",
    address: "Morada",
    street: "Rua e número",
    postcode: "Código postal",
    city: "Localidade",
    country: "País",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Inscrever-me",
    thanks_new: "Obrigado pela sua inscrição!",
    thanks_no_consent: "Obrigado! Temos os seus dados, mas sem a caixa assinalada não lhe enviaremos as nossas novidades.",
    thanks_confirm: "Quase pronto: enviámos-lhe um e-mail. Abra o link nele para confirmar a sua inscrição.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Qual a probabilidade de nos recomendar a um amigo, familiar ou colega?",
    nps_low: "Nada provável",
    nps_high: "Extremamente provável",
    nps_why: "Porquê?",
    reasons_question: "Porque comprou hoje connosco?",
    reasons_hint: "Coloque a razão mais importante em primeiro lugar: arraste os itens, ou selecione um e use as teclas de seta.",
    move_up: "Subir",
    move_down: "Descer",
    heard_question: "Como ouviu falar de nós?",
    heard_other: "Outro:",
    option: |code| {
        Some(match code {
            "convenience" => "Comodidade",
            "low_price" => "Preço baixo",
            "best_quality" => "Melhor qualidade",
            "best_choice" => "Maior escolha",
            "search_engine" => "Um motor de busca",
            "friend" => "Um amigo ou familiar",
            "social_media" => "Redes sociais",
            "walked_by" => "Passei pela loja",
            "newspaper" => "Jornal ou revista",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Guardado",
    favourites_title: "Os seus artigos guardados",
    favourites_empty: "Ainda nada guardado. Toque em ♡ num artigo para o guardar aqui.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Reservar",
    quantity: "Quantidade",
    note: "Nota",
    expected: "Previsto em stock:",
    reserved: "Reservado! Avisamos quando estiver pronto para si.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Registe a sua garantia",
    product: "Produto",
    find_product: "Procure o seu produto (nome ou número)",
    no_product_found: "Nenhum produto encontrado.",
    serial_number: "Número de série",
    purchase_date: "Data de compra",
    register: "Registar",
    warranty_done: "A sua garantia está registada. Guarde o talão com ela.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Adira ao nosso programa de fidelidade",
    loyalty_agree: "Quero aderir. As minhas compras aqui são registadas para contar os meus selos e pontos.",
    join: "Aderir",
    loyalty_mailed: "Obrigado! Veja a sua caixa de correio: enviámos-lhe uma ligação para a sua página, onde está o seu cartão de cliente.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "Uma pergunta rápida, para o podermos servir melhor",
    profile_field: |code| match code {
        "birthday" => "O seu aniversário",
        "postcode" => "Código postal",
        "household_size" => "Quantas pessoas vivem no seu agregado familiar?",
        "income_range" => "Rendimento anual do agregado",
        "occupation" => "Profissão",
        "preferred_channel" => "Como prefere que o contactemos?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Menos de 20 000",
        "20k_40k" => "20 000–40 000",
        "40k_70k" => "40 000–70 000",
        "70k_100k" => "70 000–100 000",
        "over_100k" => "Mais de 100 000",
        "rather_not_say" => "Prefiro não dizer",
        "email" => "E-mail",
        "phone" => "Telefonema",
        "sms" => "SMS",
        "post" => "Correio",
        _ => "",
    },
};
