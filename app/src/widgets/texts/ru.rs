//! Russian.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::Ru,
    optional: "необязательно",
    send: "Отправить",
    sending: "Отправка…",
    loading: "Загрузка…",
    unavailable: "Эта форма сейчас недоступна.",
    try_again: "Что-то пошло не так. Пожалуйста, попробуйте ещё раз.",
    not_saved_now: "Сейчас не удалось сохранить. Пожалуйста, попробуйте ещё раз через несколько минут.",
    fix_fields: "Пожалуйста, исправьте отмеченные поля.",
    unknown_widget: "Неизвестный виджет Patron",
    thanks_answer: "Спасибо за ваш ответ!",
    save: "Сохранить",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Пожалуйста, заполните это поле.",
    too_long: "Слишком длинно.",
    too_short: "Слишком коротко.",
    not_an_email: "Введите действительный адрес электронной почты, например name@example.ru.",
    not_a_phone: "Введите номер телефона: цифры, пробелы и, при желании, + в начале.",
    bad_characters: "Здесь есть недопустимые символы.",
    out_of_range: "Пожалуйста, выберите одно из предложенных значений.",
    unknown_option: "Пожалуйста, выберите один из предложенных вариантов.",
    not_a_ranking: "Пожалуйста, присвойте каждому варианту ровно одно место.",
    not_a_number: "Пожалуйста, введите целое число.",
    not_an_amount: "Пожалуйста, введите сумму, например 12,50.",
    not_a_date: "Пожалуйста, введите дату.",
    already_registered: "Этот серийный номер уже зарегистрирован.",
    must_agree: "Отметьте этот флажок, чтобы продолжить.",
    first_name: "Имя",
    last_name: "Фамилия",
    email: "Эл. почта",
    phone: "Телефон",
    privacy_policy: "Политика конфиденциальности",
    address: "Почтовый адрес",
    street: "Улица и номер дома",
    postcode: "Почтовый индекс",
    city: "Город",
    country: "Страна",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Подписаться",
    thanks_new: "Спасибо за подписку!",
    thanks_no_consent: "Спасибо! Мы сохранили ваши данные, но без отметки в поле не будем присылать вам новости.",
    thanks_confirm: "Почти готово: мы отправили вам письмо. Откройте ссылку в нём, чтобы подтвердить подписку.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Насколько вероятно, что вы порекомендуете нас другу, родственнику или коллеге?",
    nps_low: "Совсем маловероятно",
    nps_high: "Очень вероятно",
    nps_why: "Почему?",
    reasons_question: "Почему вы сегодня купили у нас?",
    reasons_hint: "Поставьте самую важную причину первой: перетащите пункты или выберите пункт и используйте клавиши со стрелками.",
    move_up: "Выше",
    move_down: "Ниже",
    heard_question: "Как вы о нас узнали?",
    heard_other: "Другое:",
    option: |code| {
        Some(match code {
            "convenience" => "Удобство",
            "low_price" => "Низкая цена",
            "best_quality" => "Лучшее качество",
            "best_choice" => "Лучший выбор",
            "search_engine" => "Через поисковик",
            "friend" => "От друга или родственника",
            "social_media" => "Социальные сети",
            "walked_by" => "Проходил(а) мимо магазина",
            "newspaper" => "Газета или журнал",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Сохранено",
    favourites_title: "Сохранённые товары",
    favourites_empty: "Пока ничего не сохранено. Нажмите ♡ у товара, чтобы сохранить его здесь.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Зарезервировать",
    quantity: "Количество",
    note: "Примечание",
    expected: "Ожидается в наличии:",
    reserved: "Зарезервировано! Мы сообщим, когда всё будет готово.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Зарегистрируйте гарантию",
    product: "Товар",
    find_product: "Найдите товар (название или номер)",
    no_product_found: "Товар не найден.",
    serial_number: "Серийный номер",
    purchase_date: "Дата покупки",
    register: "Зарегистрировать",
    warranty_done: "Гарантия зарегистрирована. Сохраните чек.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Вступите в нашу программу лояльности",
    loyalty_agree: "Я хочу вступить. Мои покупки здесь записываются, чтобы считать мои штампы и баллы.",
    join: "Вступить",
    loyalty_mailed: "Спасибо! Проверьте почту: мы отправили вам ссылку на вашу личную страницу, где хранится ваша карта лояльности.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "Короткий вопрос, чтобы мы могли обслуживать вас лучше",
    profile_field: |code| match code {
        "birthday" => "Ваш день рождения",
        "postcode" => "Почтовый индекс",
        "household_size" => "Сколько человек в вашей семье?",
        "income_range" => "Годовой доход семьи",
        "occupation" => "Род занятий",
        "preferred_channel" => "Как с вами лучше связаться?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Менее 20 000",
        "20k_40k" => "20 000–40 000",
        "40k_70k" => "40 000–70 000",
        "70k_100k" => "70 000–100 000",
        "over_100k" => "Более 100 000",
        "rather_not_say" => "Предпочитаю не говорить",
        "email" => "Эл. почта",
        "phone" => "Звонок",
        "sms" => "SMS",
        "post" => "Почта",
        _ => "",
    },
};
