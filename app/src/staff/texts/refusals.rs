//! Why the server refused something staff asked for, in their language: the sentences a
//! server function answers in `AppError::Conflict` (worded with `texts::of_caller`). A
//! small area: its seven languages side by side.

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Refusals {
    pub void_not_allowed: &'static str,
    pub purchase_voided: &'static str,
    pub upload_closed: &'static str,
    pub import_started: &'static str,
    pub merge_same: &'static str,
    pub merge_undone: &'static str,
    pub merge_later: &'static str,
    pub merge_id_taken: &'static str,
    pub rule_does_nothing: &'static str,
    /// A reward the card's balance does not cover.
    #[cfg_attr(test, serde(skip))]
    pub not_enough: fn(i64) -> String,
    pub birthday_not_now: &'static str,
    /// A segment export or label sheet asked for with rules that do not parse.
    pub segment_needs_correcting: &'static str,
    /// A column asked for in an export that is not one, by its code.
    #[cfg_attr(test, serde(skip))]
    pub no_such_column: fn(&str) -> String,
    pub bad_period: &'static str,
    /// Taking a backup when the database is PostgreSQL.
    pub backups_postgres: &'static str,
}

pub const EN: Refusals = Refusals {
    void_not_allowed: "Only whoever entered a purchase can void it, on the same day; a manager can void it any time.",
    purchase_voided: "This purchase is voided: nothing more can be returned or voided.",
    upload_closed: "This upload is finished, unknown, or larger than 20 MB.",
    import_started: "This import is running or done already.",
    merge_same: "A customer cannot be merged into themselves.",
    merge_undone: "This merge was undone already.",
    merge_later: "A later merge involves this customer: undo that one first.",
    merge_id_taken: "The merged customer's number has been used again, so the merge cannot be undone.",
    rule_does_nothing: "An active rule must send the mail, tell the webhooks, or both.",
    not_enough: |balance| format!("The card holds {balance}: not enough for that."),
    birthday_not_now: "The birthday gift was given already this year, or this is not the customer's birthday month.",
    segment_needs_correcting: "This segment has rules that need correcting.",
    no_such_column: |code| format!("There is no column {code:?} to export."),
    bad_period: "The period is not valid: from and to are dates, from first.",
    backups_postgres: "This database is PostgreSQL: it is backed up with pg_dump on the database server, not from here.",
};

pub const NL: Refusals = Refusals {
    void_not_allowed: "Alleen wie een aankoop invoerde kan hem schrappen, op dezelfde dag; een manager kan dat altijd.",
    purchase_voided: "Deze aankoop is geschrapt: er kan niets meer worden teruggenomen of geschrapt.",
    upload_closed: "Deze upload is klaar, onbekend of groter dan 20 MB.",
    import_started: "Deze import loopt al of is al klaar.",
    merge_same: "Een klant kan niet met zichzelf worden samengevoegd.",
    merge_undone: "Deze samenvoeging is al ongedaan gemaakt.",
    merge_later: "Een latere samenvoeging betreft deze klant: maak die eerst ongedaan.",
    merge_id_taken: "Het nummer van de samengevoegde klant is opnieuw gebruikt, dus de samenvoeging kan niet \
                     ongedaan worden gemaakt.",
    rule_does_nothing: "Een actieve regel moet de mail sturen, de webhooks inlichten, of allebei.",
    not_enough: |balance| format!("De kaart heeft {balance}: niet genoeg daarvoor."),
    birthday_not_now: "Het verjaardagscadeau is dit jaar al gegeven, of het is niet de verjaardagsmaand van de klant.",
    segment_needs_correcting: "Dit segment heeft regels die verbeterd moeten worden.",
    no_such_column: |code| format!("Er is geen kolom {code:?} om te exporteren."),
    bad_period: "De periode klopt niet: van en tot zijn datums, van eerst.",
    backups_postgres: "Deze database is PostgreSQL: maak back-ups met pg_dump op de databaseserver, niet hier.",
};

pub const AF: Refusals = Refusals {
    void_not_allowed: "Net wie 'n aankoop ingevoer het, kan dit kanselleer, op dieselfde dag; 'n bestuurder kan dit \
                       enige tyd doen.",
    purchase_voided: "Hierdie aankoop is gekanselleer: niks meer kan teruggegee of gekanselleer word nie.",
    upload_closed: "Hierdie oplaai is klaar, onbekend, of groter as 20 MB.",
    import_started: "Hierdie invoer loop reeds of is klaar.",
    merge_same: "'n Kliënt kan nie met homself saamgevoeg word nie.",
    merge_undone: "Hierdie samevoeging is reeds ongedaan gemaak.",
    merge_later: "'n Latere samevoeging betrek hierdie kliënt: maak daardie een eers ongedaan.",
    merge_id_taken: "Die saamgevoegde kliënt se nommer is weer gebruik, dus kan die samevoeging nie ongedaan gemaak \
                     word nie.",
    rule_does_nothing: "'n Aktiewe reël moet die e-pos stuur, die webhooks laat weet, of albei.",
    not_enough: |balance| format!("Die kaart hou {balance}: nie genoeg daarvoor nie."),
    birthday_not_now: "Die verjaardaggeskenk is reeds vanjaar gegee, of dit is nie die kliënt se verjaardagmaand nie.",
    segment_needs_correcting: "Hierdie segment het reëls wat reggemaak moet word.",
    no_such_column: |code| format!("Daar is geen kolom {code:?} om uit te voer nie."),
    bad_period: "Die tydperk is nie geldig nie: van en tot is datums, van eerste.",
    backups_postgres: "Hierdie databasis is PostgreSQL: maak rugsteun met pg_dump op die databasisbediener, nie hier nie.",
};

pub const PT: Refusals = Refusals {
    void_not_allowed: "Só quem registou uma compra a pode anular, no mesmo dia; um gestor pode anulá-la a qualquer \
                       momento.",
    purchase_voided: "Esta compra está anulada: já não se pode devolver nem anular nada.",
    upload_closed: "Este envio está concluído, é desconhecido ou tem mais de 20 MB.",
    import_started: "Esta importação já está a decorrer ou já terminou.",
    merge_same: "Não é possível juntar um cliente consigo próprio.",
    merge_undone: "Esta junção já foi desfeita.",
    merge_later: "Uma junção posterior envolve este cliente: desfaça essa primeiro.",
    merge_id_taken: "O número do cliente juntado voltou a ser usado, por isso a junção não pode ser desfeita.",
    rule_does_nothing: "Uma regra ativa tem de enviar o e-mail, avisar os webhooks, ou ambos.",
    not_enough: |balance| format!("O cartão tem {balance}: não chega para isso."),
    birthday_not_now: "A oferta de aniversário já foi dada este ano, ou este não é o mês de aniversário do cliente.",
    segment_needs_correcting: "Este segmento tem regras que precisam de ser corrigidas.",
    no_such_column: |code| format!("Não há nenhuma coluna {code:?} para exportar."),
    bad_period: "O período não é válido: de e até são datas, de primeiro.",
    backups_postgres: "Esta base de dados é PostgreSQL: as cópias de segurança fazem-se com pg_dump no servidor da base de dados, não aqui.",
};

pub const RU: Refusals = Refusals {
    void_not_allowed: "Аннулировать покупку может только тот, кто её ввёл, и только в тот же день; менеджер — в \
                       любое время.",
    purchase_voided: "Эта покупка аннулирована: больше ничего нельзя вернуть или аннулировать.",
    upload_closed: "Эта загрузка завершена, неизвестна или больше 20 МБ.",
    import_started: "Этот импорт уже идёт или уже завершён.",
    merge_same: "Клиента нельзя объединить с самим собой.",
    merge_undone: "Это объединение уже отменено.",
    merge_later: "Этого клиента касается более позднее объединение: сначала отмените его.",
    merge_id_taken: "Номер объединённого клиента уже занят снова, поэтому объединение нельзя отменить.",
    rule_does_nothing: "Активное правило должно отправлять письмо, оповещать вебхуки или и то и другое.",
    not_enough: |balance| format!("На карте {balance}: для этого не хватает."),
    birthday_not_now: "Подарок ко дню рождения в этом году уже выдан, или сейчас не месяц рождения клиента.",
    segment_needs_correcting: "В правилах этого сегмента есть ошибки, их нужно исправить.",
    no_such_column: |code| format!("Столбца {code:?} для экспорта нет."),
    bad_period: "Период указан неверно: «с» и «по» — это даты, сначала «с».",
    backups_postgres: "Это база данных PostgreSQL: резервные копии делаются через pg_dump на сервере базы данных, а не здесь.",
};

pub const FI: Refusals = Refusals {
    void_not_allowed: "Oston voi mitätöidä vain sen kirjannut, samana päivänä; esihenkilö voi mitätöidä sen milloin \
                       tahansa.",
    purchase_voided: "Tämä osto on mitätöity: mitään ei voi enää palauttaa eikä mitätöidä.",
    upload_closed: "Tämä lataus on valmis, tuntematon tai yli 20 Mt.",
    import_started: "Tämä tuonti on jo käynnissä tai valmis.",
    merge_same: "Asiakasta ei voi yhdistää itseensä.",
    merge_undone: "Tämä yhdistäminen on jo peruttu.",
    merge_later: "Myöhempi yhdistäminen koskee tätä asiakasta: peru se ensin.",
    merge_id_taken: "Yhdistetyn asiakkaan numero on otettu uudelleen käyttöön, joten yhdistämistä ei voi perua.",
    rule_does_nothing: "Käytössä olevan säännön on lähetettävä viesti, ilmoitettava webhookeille tai molemmat.",
    not_enough: |balance| format!("Kortilla on {balance}: se ei riitä siihen."),
    birthday_not_now: "Syntymäpäivälahja on jo annettu tänä vuonna, tai nyt ei ole asiakkaan syntymäkuukausi.",
    segment_needs_correcting: "Tämän segmentin säännöissä on korjattavaa.",
    no_such_column: |code| format!("Vietävää saraketta {code:?} ei ole."),
    bad_period: "Ajanjakso ei kelpaa: alku ja loppu ovat päivämääriä, alku ensin.",
    backups_postgres: "Tämä tietokanta on PostgreSQL: varmuuskopiot otetaan pg_dumpilla tietokantapalvelimella, ei täältä.",
};

pub const DE: Refusals = Refusals {
    void_not_allowed: "Nur wer einen Einkauf erfasst hat, kann ihn stornieren, am selben Tag; die Leitung \
                       jederzeit.",
    purchase_voided: "Dieser Einkauf ist storniert: Es kann nichts mehr zurückgegeben oder storniert werden.",
    upload_closed: "Dieser Upload ist abgeschlossen, unbekannt oder größer als 20 MB.",
    import_started: "Dieser Import läuft schon oder ist fertig.",
    merge_same: "Ein Kunde kann nicht mit sich selbst zusammengeführt werden.",
    merge_undone: "Diese Zusammenführung wurde schon rückgängig gemacht.",
    merge_later: "Eine spätere Zusammenführung betrifft diesen Kunden: Machen Sie zuerst diese rückgängig.",
    merge_id_taken: "Die Nummer des zusammengeführten Kunden wurde neu vergeben, daher kann die Zusammenführung nicht \
                     rückgängig gemacht werden.",
    rule_does_nothing: "Eine aktive Regel muss die E-Mail senden, die Webhooks benachrichtigen oder beides.",
    not_enough: |balance| format!("Die Karte hat {balance}: Das reicht dafür nicht."),
    birthday_not_now: "Das Geburtstagsgeschenk wurde dieses Jahr schon gegeben, oder es ist nicht der Geburtsmonat \
                       des Kunden.",
    segment_needs_correcting: "Dieses Segment hat Regeln, die korrigiert werden müssen.",
    no_such_column: |code| format!("Es gibt keine Spalte {code:?} zum Exportieren."),
    bad_period: "Der Zeitraum ist ungültig: Von und Bis sind Daten, Von zuerst.",
    backups_postgres: "Diese Datenbank ist PostgreSQL: Sicherungen macht pg_dump auf dem Datenbankserver, nicht Patron.",
};
