//! Dutch.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Wie wij zijn",
    what: "Wat we verzamelen en waarom",
    visits: "Bezoeken aan onze website",
    kept: "Hoe lang we het bewaren",
    selling: "Verkopen en delen",
    safety: "Hoe we het beveiligen",
    rights: "Uw rechten",
    controller: |site| {
        format!(
            "{site} beheert deze website en beslist wat er met uw persoonsgegevens gebeurt \
             (de verwerkingsverantwoordelijke)."
        )
    },
    signup: "Aanmelden voor onze e-maillijst: uw e-mailadres, en uw naam en telefoonnummer als u die geeft, met een \
             vastlegging van uw toestemming — de precieze tekst waarmee u instemde, wanneer, op welke pagina en onder \
             welke versie van deze verklaring. We gebruiken ze om u de nieuwsbrief te sturen waarom u vroeg, op basis \
             van uw toestemming.",
    reservation: "Een artikel reserveren: uw naam, e-mailadres of telefoonnummer, het artikel, het aantal en uw \
                  opmerking. We gebruiken ze om het artikel voor u apart te houden en u te laten weten wanneer het \
                  klaarligt: om uit te voeren wat u vroeg.",
    favourites: "Favorieten bewaren: de artikelen die u bewaart, opgeslagen in uw browser, en bij uw klantgegevens \
                 zodra u ons in een van onze formulieren uw gegevens geeft, zodat u ze terugvindt.",
    reasons: "Uw redenen om te kopen rangschikken: uw rangorde, bij uw klantgegevens als we u kennen. We gebruiken de \
              antwoorden om te leren wat onze klanten belangrijk vinden en rapporteren ze in totalen (ons \
              gerechtvaardigd belang om de winkel te verbeteren).",
    nps: "Ons een cijfer van 0 tot 10 geven: uw cijfer en wat u schrijft over waarom. We gebruiken ze om de winkel te \
          verbeteren (ons gerechtvaardigd belang) en rapporteren ze in totalen.",
    heard: "Vertellen hoe u van ons hoorde: uw antwoord, in totalen gebruikt om te leren welke inspanningen werken \
            (ons gerechtvaardigd belang).",
    warranty: "De garantie van een product registreren: uw naam, e-mailadres, het serienummer van het product en de \
               aankoopdatum, om de garantie na te komen (een overeenkomst met u).",
    profile: "Ons meer over uzelf vertellen: alleen de antwoorden die u wilt geven (zoals uw verjaardag of uw \
              interesses), om u beter te helpen, op basis van uw toestemming. Elke vraag is vrijwillig.",
    loyalty: "Meedoen met ons spaarprogramma: uw naam, e-mailadres, uw kaartnummer, de tekst waarmee u instemde en de \
              pagina, en de stempels of punten die uw aankopen opleveren en de beloningen die u neemt. We gebruiken \
              ze om het programma uit te voeren waaraan u meedoet (een overeenkomst met u); uw eigen pagina, die u \
              opent met een link die we u mailen, toont ze u.",
    in_the_shop: "Kopen in onze winkel: als u het personeel uw naam, e-mailadres of telefoonnummer geeft, bewaren we \
                  uw aankopen bij uw gegevens, voor bonnen en garantie, en om u aanbiedingen te sturen als u daarmee \
                  instemde.",
    visits_counted: "We tellen bezoeken aan onze pagina's zonder cookies: de pagina, de pagina waar u vandaan kwam, \
                     campagnelabels in het adres, een klasse van schermgrootte (mobiel, tablet of desktop), de taal \
                     van uw browser en hoe lang de pagina zichtbaar was.",
    visits_code: "Uw IP-adres en browser worden omgezet in een code die elke dag verandert en niet terug te rekenen is; \
                  geen van beide wordt bewaard. Zodra u ons in een van onze formulieren uw gegevens geeft, worden de \
                  pagina's die uw browser bekijkt aan uw klantgegevens gekoppeld.",
    kept_events: |months| {
        format!("Paginabezoeken en andere gebeurtenissen: {months} maanden, daarna worden ze gewist.")
    },
    kept_record_inactive: |months| {
        format!(
            "Uw klantgegevens: zolang u contact met ons hebt. Na {months} maanden zonder aankoop, bezoek, reservering \
             of antwoord, en zonder geldende toestemming, worden ze gewist."
        )
    },
    kept_record_until_asked: "Uw klantgegevens: tot u ons vraagt ze te wissen.",
    kept_consents: "Vastleggingen van toestemming blijven bij uw gegevens, als bewijs van waarmee u instemde; als uw \
                    gegevens gewist worden, blijft alleen een notitie dat ze gewist zijn, zonder uw gegevens.",
    no_sale: "We verkopen uw persoonsgegevens niet. Ze blijven op onze eigen server en gaan niet naar adverteerders.",
    safe: "Uw naam, e-mailadres, telefoonnummer en straat worden versleuteld opgeslagen. Ons personeel logt in met een \
           eigen account, en elke blik op klantgegevens wordt vastgelegd.",
    rights_all: "U kunt alles wat we over u bewaren inzien en downloaden, het laten verbeteren of wissen, elke \
                 toestemming op elk moment intrekken (elke nieuwsbrief heeft een afmeldlink met één klik), bezwaar \
                 maken tegen het gebruik van uw antwoorden, en ons vragen uw gegevens niet te verkopen of te delen. \
                 We antwoorden binnen 30 dagen.",
    rights_not_sold: "Zodra u ons hebt gevraagd uw gegevens niet te verkopen of te delen, blijft u buiten de \
                      klantenlijsten die we exporteren, buiten wat koppelingen van andere bedrijven met onze systemen \
                      kunnen lezen, en buiten de meldingen die onze systemen naar die van hen sturen; we gebruiken uw \
                      gegevens alleen voor onze eigen omgang met u.",
    rights_ask: "Vraag om uw gegevens, om ze te wissen, of om ze niet te verkopen of te delen",
    rights_correct: "Neem contact met ons op om uw gegevens te verbeteren (zie \"Wie wij zijn\"). U kunt ook een klacht \
                     indienen bij de Autoriteit Persoonsgegevens of de toezichthouder in uw land.",
    title: |site| format!("Privacy bij {site}"),
    privacy: "Privacy",
    in_force: |version, since| format!("Versie {version}, geldig sinds {since}."),
    no_longer: |version, of| format!("Versie {version} van {of}, niet meer geldig:"),
    read_current: "lees de geldende versie",
    no_such_policy: "Deze privacyverklaring bestaat niet.",
};
