//! Patron's own wording of the mail that carries a customer's sign-in link to their own
//! page, in every language it ships. A site may replace it per language (settings → Email).

use crate::widgets::texts::Lang;

pub fn my_page_link(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "Your page at {site}",
            "Hello {name},\n\nhere is your link to your own page at {site}: your loyalty card, your saved items, \
             your reservations and what we hold about you.\n\
             It works once, for {hours} hours:\n{link}\n\n\
             If you did not ask for it, ignore this mail: nothing happens without the link.",
        ),
        Lang::Nl => (
            "Uw pagina bij {site}",
            "Hallo {name},\n\nhier is de link naar uw eigen pagina bij {site}: uw klantenkaart, uw bewaarde artikelen, \
             uw reserveringen en wat wij over u bewaren.\n\
             Hij werkt één keer, {hours} uur lang:\n{link}\n\n\
             Heeft u hier niet om gevraagd? Negeer dan deze e-mail: zonder de link gebeurt er niets.",
        ),
        Lang::Af => (
            "Jou bladsy by {site}",
            "Hallo {name},\n\nhier is jou skakel na jou eie bladsy by {site}: jou lojaliteitskaart, jou gestoorde items, \
             jou besprekings en wat ons oor jou hou.\n\
             Dit werk een keer, vir {hours} uur:\n{link}\n\n\
             As jy nie daarvoor gevra het nie, ignoreer hierdie e-pos: sonder die skakel gebeur niks.",
        ),
        Lang::Pt => (
            "A sua página em {site}",
            "Olá {name},\n\naqui está o link para a sua página em {site}: o seu cartão de fidelidade, os artigos que \
             guardou, as suas reservas e o que guardamos sobre si.\n\
             Funciona uma vez, durante {hours} horas:\n{link}\n\n\
             Se não o pediu, ignore este e-mail: sem o link nada acontece.",
        ),
        Lang::Ru => (
            "Ваша страница в {site}",
            "Здравствуйте, {name}!\n\nВот ссылка на вашу личную страницу в {site}: ваша карта лояльности, сохранённые \
             товары, ваши бронирования и то, что мы о вас храним.\n\
             Она действует один раз, {hours} ч.:\n{link}\n\n\
             Если вы её не запрашивали, проигнорируйте письмо: без ссылки ничего не произойдёт.",
        ),
        Lang::Fi => (
            "Oma sivusi – {site}",
            "Hei {name},\n\ntässä on linkki omalle sivullesi yrityksessä {site}: kanta-asiakaskorttisi, tallentamasi \
             tuotteet, varauksesi ja se, mitä sinusta säilytämme.\n\
             Se toimii kerran, {hours} tunnin ajan:\n{link}\n\n\
             Jos et pyytänyt sitä, jätä tämä viesti huomiotta: ilman linkkiä mitään ei tapahdu.",
        ),
        Lang::De => (
            "Ihre Seite bei {site}",
            "Hallo {name},\n\nhier ist der Link zu Ihrer eigenen Seite bei {site}: Ihre Treuekarte, Ihre gemerkten \
             Artikel, Ihre Reservierungen und was wir über Sie speichern.\n\
             Er funktioniert einmal, {hours} Stunden lang:\n{link}\n\n\
             Haben Sie ihn nicht angefordert, ignorieren Sie diese E-Mail: ohne den Link geschieht nichts.",
        ),
    }
}
