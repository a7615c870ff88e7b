//! Patron's own wording of the mails its automation rules send, in every language it ships.
//! A site may replace each with its own per language (settings → Email).

use crate::widgets::texts::Lang;

/// A dormant customer is offered `{code}`; an offer always carries its `{unsubscribe}` link.
pub fn win_back(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "We miss you at {site}",
            "Hello {name},\n\nit has been a while since your last visit to {site}, and we would love to see you again.\n\
             Show this code at the till or enter it in our web shop for a little welcome back: {code}\n\n\
             No more offers by email? Unsubscribe here: {unsubscribe}",
        ),
        Lang::Nl => (
            "We missen u bij {site}",
            "Hallo {name},\n\nhet is even geleden dat u bij {site} was, en we zien u graag terug.\n\
             Laat deze code zien aan de kassa of vul hem in onze webwinkel in voor een welkom-terug-voordeel: {code}\n\n\
             Geen aanbiedingen meer per e-mail? Meld u hier af: {unsubscribe}",
        ),
        Lang::Af => (
            "Ons mis jou by {site}",
            "Hallo {name},\n\ndit is 'n rukkie sedert jou laaste besoek aan {site}, en ons sal jou graag weer sien.\n\
             Wys hierdie kode by die kasregister of tik dit in ons webwinkel in vir 'n welkom-terug-geskenkie: {code}\n\n\
             Nie meer aanbiedinge per e-pos nie? Teken hier uit: {unsubscribe}",
        ),
        Lang::Pt => (
            "Temos saudades suas na {site}",
            "Olá {name},\n\njá passou algum tempo desde a sua última visita à {site}, e gostávamos muito de o ver de novo.\n\
             Mostre este código na caixa ou use-o na nossa loja online para um pequeno presente de regresso: {code}\n\n\
             Não quer mais ofertas por e-mail? Cancele aqui: {unsubscribe}",
        ),
        Lang::Ru => (
            "Мы скучаем по вам в {site}",
            "Здравствуйте, {name}!\n\nВы давно не заходили в {site}, и мы будем рады видеть вас снова.\n\
             Покажите этот код на кассе или введите его в нашем интернет-магазине, чтобы получить подарок: {code}\n\n\
             Не хотите больше получать предложения по почте? Отпишитесь здесь: {unsubscribe}",
        ),
        Lang::Fi => (
            "Meillä on ikävä sinua – {site}",
            "Hei {name},\n\nedellisestä käynnistäsi yrityksessä {site} on jo aikaa, ja näkisimme sinut mielellämme taas.\n\
             Näytä tämä koodi kassalla tai syötä se verkkokaupassamme, niin saat pienen tervetuloa takaisin -edun: {code}\n\n\
             Etkö halua enää tarjouksia sähköpostilla? Peru tilaus tästä: {unsubscribe}",
        ),
        Lang::De => (
            "Wir vermissen Sie bei {site}",
            "Hallo {name},\n\nIhr letzter Besuch bei {site} ist eine Weile her, und wir würden uns freuen, Sie wiederzusehen.\n\
             Zeigen Sie diesen Code an der Kasse oder geben Sie ihn in unserem Webshop ein, als kleines Willkommen zurück: {code}\n\n\
             Keine Angebote mehr per E-Mail? Hier abmelden: {unsubscribe}",
        ),
    }
}

/// A customer who gave a low score (`{score}`) is asked, by a person who reads the reply,
/// what went wrong.
pub fn nps_follow_up(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "Thank you for your honest answer, {name}",
            "Hello {name},\n\nyou gave {site} a {score} out of 10. We are sorry we did not do better.\n\
             Would you tell us what went wrong? Just reply to this mail: a person at {site} reads every answer.",
        ),
        Lang::Nl => (
            "Bedankt voor uw eerlijke antwoord, {name}",
            "Hallo {name},\n\nu gaf {site} een {score} op 10. Het spijt ons dat we het niet beter deden.\n\
             Wilt u ons vertellen wat er misging? Beantwoord gewoon deze e-mail: bij {site} leest iemand elk antwoord.",
        ),
        Lang::Af => (
            "Dankie vir jou eerlike antwoord, {name}",
            "Hallo {name},\n\njy het {site} {score} uit 10 gegee. Ons is jammer ons het nie beter gedoen nie.\n\
             Sal jy ons vertel wat verkeerd geloop het? Antwoord net op hierdie e-pos: iemand by {site} lees elke antwoord.",
        ),
        Lang::Pt => (
            "Obrigado pela sua resposta sincera, {name}",
            "Olá {name},\n\ndeu à {site} um {score} em 10. Lamentamos não ter feito melhor.\n\
             Pode dizer-nos o que correu mal? Basta responder a este e-mail: alguém na {site} lê todas as respostas.",
        ),
        Lang::Ru => (
            "Спасибо за честный ответ, {name}",
            "Здравствуйте, {name}!\n\nВы поставили {site} оценку {score} из 10. Нам жаль, что мы не справились лучше.\n\
             Расскажете, что пошло не так? Просто ответьте на это письмо: в {site} каждый ответ читает человек.",
        ),
        Lang::Fi => (
            "Kiitos rehellisestä vastauksestasi, {name}",
            "Hei {name},\n\nannoit yritykselle {site} arvosanan {score}/10. Olemme pahoillamme, ettemme onnistuneet paremmin.\n\
             Kertoisitko, mikä meni vikaan? Vastaa vain tähän viestiin: yrityksessä {site} joku lukee jokaisen vastauksen.",
        ),
        Lang::De => (
            "Danke für Ihre ehrliche Antwort, {name}",
            "Hallo {name},\n\nSie haben {site} eine {score} von 10 gegeben. Es tut uns leid, dass wir es nicht besser gemacht haben.\n\
             Möchten Sie uns sagen, was schiefging? Antworten Sie einfach auf diese E-Mail: bei {site} liest ein Mensch jede Antwort.",
        ),
    }
}

/// The `{item}` a customer reserved is in.
pub fn item_arrived(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "Your {item} has arrived at {site}",
            "Hello {name},\n\ngood news: the {item} you reserved has arrived. We are keeping it for you at {site}.",
        ),
        Lang::Nl => (
            "Uw {item} is binnen bij {site}",
            "Hallo {name},\n\ngoed nieuws: de {item} die u reserveerde is binnen. We houden hem voor u apart bij {site}.",
        ),
        Lang::Af => (
            "Jou {item} het by {site} aangekom",
            "Hallo {name},\n\ngoeie nuus: die {item} wat jy bespreek het, het aangekom. Ons hou dit vir jou by {site}.",
        ),
        Lang::Pt => (
            "O seu {item} chegou à {site}",
            "Olá {name},\n\nboas notícias: o {item} que reservou chegou. Estamos a guardá-lo para si na {site}.",
        ),
        Lang::Ru => (
            "Ваш товар «{item}» прибыл в {site}",
            "Здравствуйте, {name}!\n\nХорошая новость: товар «{item}», который вы зарезервировали, прибыл. Мы храним его для вас в {site}.",
        ),
        Lang::Fi => (
            "Varaamasi tuote on saapunut: {item} – {site}",
            "Hei {name},\n\nhyviä uutisia: varaamasi tuote {item} on saapunut. Säilytämme sitä sinulle yrityksessä {site}.",
        ),
        Lang::De => (
            "Ihr {item} ist bei {site} eingetroffen",
            "Hallo {name},\n\ngute Nachricht: der reservierte Artikel {item} ist eingetroffen. Wir legen ihn bei {site} für Sie zurück.",
        ),
    }
}
