//! Portuguese.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Quem somos",
    what: "O que recolhemos e porquê",
    visits: "Visitas ao nosso site",
    kept: "Durante quanto tempo guardamos",
    selling: "Venda e partilha",
    safety: "Como o protegemos",
    rights: "Os seus direitos",
    controller: |site| {
        format!(
            "{site} gere este site e decide o que é feito com os seus dados pessoais (é o responsável pelo \
             tratamento)."
        )
    },
    signup: "Inscrever-se na nossa lista de email: o seu endereço de email e, se os indicar, o seu nome e telefone, com \
             um registo do seu consentimento — o texto exato que aceitou, quando, em que página e ao abrigo de que \
             versão desta política. Usamo-los para lhe enviar a newsletter que pediu, com base no seu consentimento.",
    reservation: "Reservar um artigo: o seu nome, email ou telefone, o artigo, a quantidade e a sua nota. Usamo-los para \
                  guardar o artigo para si e avisá-lo quando estiver pronto: para fazer o que pediu.",
    favourites: "Guardar favoritos: os artigos que guarda, mantidos no seu navegador, e na sua ficha de cliente assim \
                 que nos dê os seus dados num dos nossos formulários, para que os volte a encontrar.",
    reasons: "Ordenar as suas razões de compra: a sua ordenação, na sua ficha de cliente se o conhecermos. Usamos as \
              respostas para perceber o que importa aos nossos clientes e apresentamo-las em totais (o nosso interesse \
              legítimo em melhorar a loja).",
    nps: "Avaliar-nos de 0 a 10: a sua nota e o que escrever sobre o porquê. Usamo-las para melhorar a loja (o nosso \
          interesse legítimo) e apresentamo-las em totais.",
    heard: "Dizer-nos como soube de nós: a sua resposta, usada em totais para perceber quais dos nossos esforços \
            resultam (o nosso interesse legítimo).",
    warranty: "Registar a garantia de um produto: o seu nome, email, o número de série do produto e a data de compra, \
               para cumprir a garantia (um contrato consigo).",
    profile: "Contar-nos mais sobre si: apenas as respostas que quiser dar (como o seu aniversário ou os seus \
              interesses), para o servir melhor, com base no seu consentimento. Todas as perguntas são opcionais.",
    loyalty: "Aderir ao nosso programa de fidelização: o seu nome, email, o número do seu cartão, o texto que aceitou e \
              a página, e os carimbos ou pontos que as suas compras ganham e as recompensas que leva. Usamo-los para \
              gerir o programa a que aderiu (um contrato consigo); a sua própria página, aberta com uma ligação que \
              lhe enviamos por email, mostra-lhos.",
    in_the_shop: "Comprar na nossa loja: se der ao pessoal o seu nome, email ou telefone, guardamos as suas compras na \
                  sua ficha, para recibos e garantia, e para lhe enviar ofertas se as tiver aceitado.",
    visits_counted: "Contamos as visitas às nossas páginas sem cookies: a página, a página de onde veio, etiquetas de \
                     campanha no endereço, uma classe de tamanho de ecrã (telemóvel, tablet ou computador), o idioma \
                     do seu navegador e quanto tempo a página esteve visível.",
    visits_code: "O seu endereço IP e o navegador são transformados num código que muda todos os dias e não pode ser \
                  revertido; nenhum dos dois é guardado. Assim que nos der os seus dados num dos nossos formulários, \
                  as páginas que o seu navegador vê ficam ligadas à sua ficha de cliente.",
    kept_events: |months| format!("Visitas a páginas e outros eventos: {months} meses, depois são apagados."),
    kept_record_inactive: |months| {
        format!(
            "A sua ficha de cliente: enquanto estiver em contacto connosco. Após {months} meses sem qualquer compra, \
             visita, reserva ou resposta, e sem nenhum consentimento em vigor, é apagada."
        )
    },
    kept_record_until_asked: "A sua ficha de cliente: até nos pedir que a apaguemos.",
    kept_consents: "Os registos de consentimento ficam com a sua ficha, como prova do que aceitou; quando a sua ficha é \
                    apagada, fica apenas uma nota de que foi apagada, sem nenhum dos seus dados.",
    no_sale: "Não vendemos os seus dados pessoais. Ficam no nosso próprio servidor e não são passados a anunciantes.",
    safe: "O seu nome, email, telefone e rua são guardados cifrados. O nosso pessoal entra com contas próprias, e cada \
           consulta a uma ficha de cliente fica registada.",
    rights_all: "Pode ver e descarregar tudo o que guardamos sobre si, pedir que seja corrigido ou apagado, retirar \
                 qualquer consentimento a qualquer momento (cada newsletter tem uma ligação para cancelar com um \
                 clique), opor-se ao uso das suas respostas e dizer-nos que não vendamos nem partilhemos os seus \
                 dados. Respondemos em 30 dias.",
    rights_not_sold: "Depois de nos dizer que não vendamos nem partilhemos os seus dados, fica fora das listas de \
                      clientes que exportamos, do que as ligações de outras empresas aos nossos sistemas podem ler e \
                      dos avisos que os nossos sistemas enviam aos delas; usamos os seus dados apenas na nossa própria \
                      relação consigo.",
    rights_ask: "Peça os seus dados, o seu apagamento, ou que não sejam vendidos nem partilhados",
    rights_correct: "Para corrigir os seus dados, contacte-nos (ver \"Quem somos\"). Também pode apresentar queixa à \
                     autoridade de proteção de dados.",
    title: |site| format!("Privacidade na {site}"),
    privacy: "Privacidade",
    in_force: |version, since| format!("Versão {version}, em vigor desde {since}."),
    no_longer: |version, of| format!("Versão {version} de {of}, já não está em vigor:"),
    read_current: "ler a versão em vigor",
    no_such_policy: "Esta política de privacidade não existe.",
};
