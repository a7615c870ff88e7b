//! Afrikaans.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Wie ons is",
    what: "Wat ons versamel en waarom",
    visits: "Besoeke aan ons webwerf",
    kept: "Hoe lank ons dit hou",
    selling: "Verkoop en deel",
    safety: "Hoe ons dit veilig hou",
    rights: "Jou regte",
    controller: |site| {
        format!(
            "{site} bedryf hierdie webwerf en besluit wat met jou persoonlike inligting gedoen word (dit is die \
             verantwoordelike party)."
        )
    },
    signup: "By ons e-poslys aansluit: jou e-posadres, en jou naam en telefoonnommer as jy dit gee, met 'n rekord van \
             jou toestemming — die presiese bewoording waartoe jy ingestem het, wanneer, op watter bladsy en onder \
             watter weergawe van hierdie beleid. Ons gebruik dit om vir jou die nuusbrief te stuur waarvoor jy gevra \
             het, op grond van jou toestemming.",
    reservation: "'n Item bespreek: jou naam, e-posadres of telefoonnommer, die item, die hoeveelheid en jou nota. Ons \
                  gebruik dit om die item vir jou te hou en jou te laat weet wanneer dit gereed is: om te doen wat jy \
                  gevra het.",
    favourites: "Gunstelinge stoor: die items wat jy stoor, in jou blaaier gehou, en by jou kliëntrekord sodra jy ons \
                 in een van ons vorms jou besonderhede gee, sodat jy dit weer vind.",
    reasons: "Jou redes om te koop rangskik: jou rangorde, by jou kliëntrekord as ons jou ken. Ons gebruik die \
              antwoorde om te leer wat vir ons kliënte saak maak en rapporteer dit in totale (ons regmatige belang om \
              die winkel te verbeter).",
    nps: "Ons van 0 tot 10 gradeer: jou telling en wat jy oor die rede skryf. Ons gebruik dit om die winkel te \
          verbeter (ons regmatige belang) en rapporteer dit in totale.",
    heard: "Vir ons sê hoe jy van ons gehoor het: jou antwoord, in totale gebruik om te leer watter van ons pogings \
            werk (ons regmatige belang).",
    warranty: "'n Produk se waarborg registreer: jou naam, e-posadres, die produk se reeksnommer en die aankoopdatum, \
               om die waarborg na te kom ('n ooreenkoms met jou).",
    profile: "Vir ons meer van jouself vertel: slegs die antwoorde wat jy kies om te gee (soos jou verjaarsdag of jou \
              belangstellings), om jou beter te bedien, op grond van jou toestemming. Elke vraag is opsioneel.",
    loyalty: "By ons lojaliteitsprogram aansluit: jou naam, e-posadres, jou kaartnommer, die bewoording waartoe jy \
              ingestem het en die bladsy, en die stempels of punte wat jou aankope verdien en die belonings wat jy \
              neem. Ons gebruik dit om die program te bedryf waarby jy aangesluit het ('n ooreenkoms met jou); jou eie \
              bladsy, wat jy oopmaak met 'n skakel wat ons jou e-pos, wys dit vir jou.",
    in_the_shop: "Koop in ons winkel: as jy die personeel jou naam, e-posadres of telefoonnommer gee, hou ons jou \
                  aankope by jou rekord, vir kwitansies en waarborg, en om vir jou aanbiedinge te stuur as jy daartoe \
                  ingestem het.",
    visits_counted: "Ons tel besoeke aan ons bladsye sonder koekies: die bladsy, die bladsy waarvandaan jy gekom het, \
                     veldtogetikette in die adres, 'n skermgrootteklas (selfoon, tablet of rekenaar), jou blaaier se \
                     taal en hoe lank die bladsy sigbaar was.",
    visits_code: "Jou IP-adres en blaaier word omgesit in 'n kode wat elke dag verander en nie teruggewerk kan word nie; \
                  nie een van die twee word gestoor nie. Sodra jy ons in een van ons vorms jou besonderhede gee, word \
                  die bladsye wat jou blaaier besoek aan jou kliëntrekord gekoppel.",
    kept_events: |months| format!("Bladsybesoeke en ander gebeure: {months} maande, dan word dit uitgevee."),
    kept_record_inactive: |months| {
        format!(
            "Jou kliëntrekord: so lank as wat jy met ons in kontak is. Ná {months} maande sonder enige aankoop, \
             besoek, bespreking of antwoord, en sonder enige geldige toestemming, word dit uitgevee."
        )
    },
    kept_record_until_asked: "Jou kliëntrekord: totdat jy ons vra om dit uit te vee.",
    kept_consents: "Rekords van toestemming bly by jou rekord, as bewys van waartoe jy ingestem het; wanneer jou rekord \
                    uitgevee word, bly slegs 'n nota dat dit uitgevee is, sonder enige van jou data.",
    no_sale: "Ons verkoop nie jou persoonlike inligting nie. Dit bly op ons eie bediener en word nie aan adverteerders \
              gegee nie.",
    safe: "Jou naam, e-posadres, telefoonnommer en straat word geënkripteer gestoor. Ons personeel meld aan met hul eie \
           rekeninge, en elke kyk na 'n kliëntrekord word aangeteken.",
    rights_all: "Jy kan alles wat ons oor jou hou sien en aflaai, dit laat regstel of uitvee, enige toestemming te eniger \
                 tyd terugtrek (elke nuusbrief het 'n uitteken-skakel met een klik), beswaar maak teen die gebruik van \
                 jou antwoorde, en vir ons sê om nie jou data te verkoop of te deel nie. Ons antwoord binne 30 dae.",
    rights_not_sold: "Sodra jy vir ons gesê het om nie jou data te verkoop of te deel nie, word jy uitgelaat uit die \
                      kliëntelyste wat ons uitvoer, uit wat ander maatskappye se koppelings aan ons stelsels kan lees, \
                      en uit die kennisgewings wat ons stelsels na hulle s'n stuur; ons gebruik jou data slegs vir ons \
                      eie omgang met jou.",
    rights_ask: "Vra vir jou data, die uitvee daarvan, of dat dit nie verkoop of gedeel word nie",
    rights_correct: "Om jou data reg te stel, kontak ons (sien \"Wie ons is\"). Jy kan ook by die Inligtingsreguleerder \
                     of jou databeskermingsowerheid kla.",
    title: |site| format!("Privaatheid by {site}"),
    privacy: "Privaatheid",
    in_force: |version, since| format!("Weergawe {version}, van krag sedert {since}."),
    no_longer: |version, of| format!("Weergawe {version} van {of}, nie meer van krag nie:"),
    read_current: "lees die weergawe wat van krag is",
    no_such_policy: "Daar is nie so 'n privaatheidsbeleid nie.",
};
