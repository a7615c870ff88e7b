//! Portuguese.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Não encontrado",
        no_such_site: "Este site não existe.",
        sorry: "Lamentamos",
        try_later: "Isto não pode ser feito agora. Tente de novo dentro de alguns minutos.",
        your_data: "Os seus dados",
        email: "O seu endereço de email",
        check_inbox: "Veja a sua caixa de entrada",
        link_dead: "Esta ligação já não funciona",
        link_used: |hours| format!("Já foi usada ou tem mais de {hours} horas."),
        own_page_only: "Este formulário só funciona a partir da página da própria loja.",
        choose_what: "Escolha o que pretende.",
        done: "Feito",
        newsletter: "novidades e ofertas por email",
        post: "correio postal",
        sms: "mensagens SMS",
        phone: "chamadas telefónicas",
        profiling: "criação de perfil a partir das suas compras e visitas",
        access: "Ver e descarregar os meus dados",
        do_not_sell: "Não vender nem partilhar os meus dados",
        erase: "Apagar os meus dados",
    },
    me: MyPage {
        title: "A sua página",
        heading: |site| format!("A sua página na {site}"),
        intro: |site| {
            format!(
                "Veja o seu cartão de fidelização, os artigos que guardou, as suas reservas e o que a {site} guarda \
                 sobre si. Enviamos uma ligação de acesso para o seu email: não precisa de palavra-passe."
            )
        },
        send_link: "Enviem-me uma ligação",
        sent: |site, email, hours| {
            format!(
                "Se a {site} conhece {email}, uma ligação de acesso vai a caminho. Funciona uma vez, durante {hours} horas."
            )
        },
        open: "Abrir a minha página",
        ask_new: "Peça uma nova",
        refused: "Não foi possível",
        back: "Voltar à sua página",
        hello: |name| format!("Olá, {name}"),
        hello_nameless: "Olá",
        card: "O seu cartão de fidelização",
        no_card: "Ainda não tem cartão.",
        get_card: "Quero o meu cartão",
        show_at_till: "Mostre-o na caixa.",
        take_now: |rewards| format!("pode levar agora: {rewards}"),
        stamps: |n| counted(n, "carimbo", "carimbos"),
        points: |n| counted(n, "ponto", "pontos"),
        saved: "Os seus artigos guardados",
        nothing_saved: "Ainda nada guardado.",
        remove: "Remover",
        remove_item: |item| format!("Remover {item}"),
        reservations: "As suas reservas",
        no_reservations: "Sem reservas.",
        waiting: "à sua espera",
        collected: "levantada",
        cancelled: "cancelada",
        consents: "O que aceitou",
        nothing_asked: "Ainda nada pedido.",
        yes: "sim",
        no: "não",
        stop: "Parar",
        agree: "Aceitar",
        details: "Os seus dados pessoais",
        details_intro: "Corrija-os aqui; a loja vê a alteração e que foi feita por si.",
        data: "Os seus dados",
        not_sold: "Os seus dados não são vendidos nem partilhados.",
        sign_out: "Sair",
        no_such_consent: "Esse consentimento não existe.",
        no_wording: "A loja ainda não tem texto para este consentimento, por isso não pode ser dado aqui.",
        tick_to_join: "Marque a caixa para aderir.",
    },
    details: Details {
        first_name: "Nome próprio",
        last_name: "Apelido",
        phone: "Telefone",
        street: "Rua e número",
        postcode: "Código postal",
        city: "Localidade",
        contact: "Como podemos contactá-lo",
        no_preference: "Sem preferência",
        by_email: "Por email",
        by_phone: "Por telefone",
        by_sms: "Por SMS",
        by_post: "Por correio",
        save: "Guardar os meus dados",
        not_saved: "Nada foi guardado: corrija o que está assinalado.",
    },
    unsubscribe: Unsubscribe {
        title: "Cancelar subscrição",
        ask: |site, what| format!("Deixar de receber {what} da {site}?"),
        button: "Cancelar subscrição",
        done_title: "A subscrição foi cancelada",
        done: |site, what| format!("Deixará de receber {what} da {site}."),
        not_valid: "Esta ligação não é válida",
        whole_link: "Use a ligação completa do email.",
    },
    request: Request {
        heading: |site| format!("Os seus dados na {site}"),
        intro: |site| {
            format!(
                "Peça para ver e levar o que a {site} guarda sobre si, para parar a sua venda ou partilha, ou para \
                 o apagar. Enviamos uma ligação para o seu email; abri-la mostra que o endereço é seu."
            )
        },
        what: "O que pretende?",
        send: "Enviem-me a ligação",
        sent: |site, email, hours| {
            format!(
                "Se a {site} guarda dados com {email}, uma ligação vai a caminho. Funciona uma vez, durante {hours} horas."
            )
        },
        mail_subject: |site| format!("O seu pedido à {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "Pediu à {site}: “{what}”.\n\nAbra esta ligação para o concretizar (funciona uma vez, durante {hours} \
                 horas):\n{link}\n\nSe não foi você, ignore este email: nada acontece sem a ligação."
            )
        },
        access_intro: "Descarregue tudo o que guardamos sobre si: os seus dados, consentimentos, compras, reservas, \
                       favoritos, respostas e visitas.",
        as_json: "Descarregar (JSON)",
        as_csv: "Descarregar (CSV, para uma folha de cálculo)",
        do_not_sell_intro: "A partir de agora não vendemos nem partilhamos os seus dados.",
        erase_intro: "Isto apaga-o a si e tudo sobre si — compras, respostas, favoritos, visitas e consentimentos — \
                      para sempre. Não pode ser desfeito.",
        ask_again: "Pedir de novo",
        not_sold: "Os seus dados não serão vendidos nem partilhados.",
        erased: "Os seus dados foram apagados. Fica apenas uma nota de que houve um apagamento.",
    },
};
