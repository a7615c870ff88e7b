//! Finnish. The shop's name stands alone before a verb, where it needs no case ending.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Keitä olemme",
    what: "Mitä keräämme ja miksi",
    visits: "Käynnit verkkosivuillamme",
    kept: "Kuinka kauan säilytämme tiedot",
    selling: "Myynti ja jakaminen",
    safety: "Miten suojaamme tiedot",
    rights: "Oikeutesi",
    controller: |site| {
        format!("{site} ylläpitää tätä verkkosivustoa ja päättää, mitä henkilötiedoillesi tehdään (rekisterinpitäjä).")
    },
    signup: "Sähköpostilistallemme liittyminen: sähköpostiosoitteesi sekä nimesi ja puhelinnumerosi, jos annat ne, ja \
             merkintä suostumuksestasi — tarkka teksti, johon suostuit, milloin, millä sivulla ja minkä tämän \
             selosteen version aikana. Käytämme niitä lähettääksemme sinulle pyytämäsi uutiskirjeen suostumuksesi \
             perusteella.",
    reservation: "Tuotteen varaaminen: nimesi, sähköpostiosoitteesi tai puhelinnumerosi, tuote, määrä ja viestisi. \
                  Käytämme niitä pitääksemme tuotteen sinulle ja kertoaksemme, kun se on valmiina: tehdäksemme sen, \
                  mitä pyysit.",
    favourites: "Suosikkien tallentaminen: tallentamasi tuotteet selaimessasi ja asiakastiedoissasi, kun annat meille \
                 tietosi jollakin lomakkeistamme, jotta löydät ne uudelleen.",
    reasons: "Ostosyidesi järjestäminen: järjestyksesi, asiakastietoihisi liitettynä, jos tunnemme sinut. Käytämme \
              vastauksia oppiaksemme, mikä on asiakkaillemme tärkeää, ja raportoimme ne vain yhteenlaskettuina \
              (oikeutettu etumme parantaa kauppaa).",
    nps: "Arvosana asteikolla 0–10: arvosanasi ja mitä kirjoitat sen syystä. Käytämme niitä kaupan parantamiseen \
          (oikeutettu etumme) ja raportoimme ne yhteenlaskettuina.",
    heard: "Kertominen, mistä kuulit meistä: vastauksesi, jota käytetään yhteenlaskettuna oppiaksemme, mitkä \
            ponnistelumme toimivat (oikeutettu etumme).",
    warranty: "Tuotteen takuun rekisteröinti: nimesi, sähköpostiosoitteesi, tuotteen sarjanumero ja ostopäivä takuun \
               täyttämiseksi (sopimus kanssasi).",
    profile: "Kertominen itsestäsi: vain vastaukset, jotka haluat antaa (kuten syntymäpäiväsi tai kiinnostuksen \
              kohteesi), palvellaksemme sinua paremmin suostumuksesi perusteella. Jokainen kysymys on vapaaehtoinen.",
    loyalty: "Kanta-asiakasohjelmaamme liittyminen: nimesi, sähköpostiosoitteesi, korttisi numero, teksti, johon \
              suostuit, ja sivu sekä leimat tai pisteet, joita ostoksesi kerryttävät, ja ottamasi palkinnot. Käytämme \
              niitä ohjelman hoitamiseen, johon liityit (sopimus kanssasi); oma sivusi, jonka avaat lähettämällämme \
              linkillä, näyttää ne sinulle.",
    in_the_shop: "Ostaminen kaupastamme: jos annat henkilökunnalle nimesi, sähköpostiosoitteesi tai puhelinnumerosi, \
                  säilytämme ostoksesi tietojesi yhteydessä kuitteja ja takuuta varten sekä lähettääksemme sinulle \
                  tarjouksia, jos olet suostunut niihin.",
    visits_counted: "Laskemme käynnit sivuillamme ilman evästeitä: sivu, sivu, jolta tulit, osoitteen kampanjatunnisteet, \
                     näytön kokoluokka (puhelin, tabletti tai tietokone), selaimesi kieli ja kuinka kauan sivu oli \
                     näkyvissä.",
    visits_code: "IP-osoitteesi ja selaimesi muutetaan koodiksi, joka vaihtuu joka päivä eikä sitä voi muuttaa takaisin; \
                  kumpaakaan ei tallenneta. Kun annat meille tietosi jollakin lomakkeistamme, selaimesi katselemat \
                  sivut liitetään asiakastietoihisi.",
    kept_events: |months| format!("Sivukäynnit ja muut tapahtumat: {months} kuukautta, sitten ne poistetaan."),
    kept_record_inactive: |months| {
        format!(
            "Asiakastietosi: niin kauan kuin olet yhteydessä meihin. Kun {months} kuukauteen ei ole ollut ostoa, \
             käyntiä, varausta tai vastausta eikä voimassa olevaa suostumusta, ne poistetaan."
        )
    },
    kept_record_until_asked: "Asiakastietosi: kunnes pyydät meitä poistamaan ne.",
    kept_consents: "Merkinnät suostumuksista säilyvät tietojesi yhteydessä todisteena siitä, mihin suostuit; kun \
                    tietosi poistetaan, jäljelle jää vain merkintä poistosta ilman mitään tietojasi.",
    no_sale: "Emme myy henkilötietojasi. Ne pysyvät omalla palvelimellamme eikä niitä anneta mainostajille.",
    safe: "Nimesi, sähköpostiosoitteesi, puhelinnumerosi ja katuosoitteesi tallennetaan salattuina. Henkilökuntamme \
           kirjautuu omilla tunnuksillaan, ja jokainen asiakastietojen katselu kirjataan.",
    rights_all: "Voit nähdä ja ladata kaiken, mitä sinusta on tallennettu, pyytää korjaamaan tai poistamaan sen, perua \
                 minkä tahansa suostumuksen milloin tahansa (jokaisessa uutiskirjeessä on yhden napsautuksen \
                 peruutuslinkki), vastustaa vastaustesi käyttöä ja kieltää meitä myymästä tai jakamasta tietojasi. \
                 Vastaamme 30 päivän kuluessa.",
    rights_not_sold: "Kun olet kieltänyt meitä myymästä tai jakamasta tietojasi, sinut jätetään pois viemistämme \
                      asiakaslistoista, siitä, mitä muiden yritysten liitännät järjestelmiimme voivat lukea, ja \
                      ilmoituksista, joita järjestelmämme lähettävät niiden järjestelmiin; käytämme tietojasi vain \
                      omaan asiointiimme kanssasi.",
    rights_ask: "Pyydä tietojasi, niiden poistamista tai ettei niitä myydä eikä jaeta",
    rights_correct: "Korjataksesi tietojasi ota meihin yhteyttä (katso \"Keitä olemme\"). Voit myös tehdä valituksen \
                     tietosuojaviranomaiselle.",
    title: |site| format!("Tietosuoja – {site}"),
    privacy: "Tietosuoja",
    in_force: |version, since| format!("Versio {version}, voimassa {since} alkaen."),
    no_longer: |version, of| format!("Versio {version} ({of}), ei enää voimassa:"),
    read_current: "lue voimassa oleva versio",
    no_such_policy: "Tällaista tietosuojaselostetta ei ole.",
};
