//! Forms of one first name: short forms and the same name in the languages of the demo
//! data (English, German, Dutch, Finnish, Portuguese, Russian in Latin letters, Afrikaans).
//! Names are folded (lower case, no accents). A name may sit in more than one group
//! ("chris" is Christopher and Christina); two names match when one group holds both.

pub const NICKNAMES: &[&[&str]] = &[
    &["robert", "rob", "robbie", "bob", "bobby", "bert", "roberto", "robin"],
    &["william", "will", "bill", "billy", "willem", "wim", "wilhelm", "willi", "liam", "guilherme"],
    &[
        "elizabeth",
        "elisabeth",
        "liz",
        "lizzy",
        "beth",
        "betty",
        "eliza",
        "elise",
        "lisa",
        "liesbeth",
        "els",
        "ilse",
        "isabel",
    ],
    &[
        "johannes", "johann", "jan", "hans", "john", "johnny", "jack", "joao", "juhani", "juha", "ivan", "vanya",
        "jannie", "johan",
    ],
    &[
        "aleksandr",
        "alexander",
        "aleksander",
        "alex",
        "sasha",
        "sascha",
        "sanya",
        "alexandre",
        "sander",
        "sandro",
        "xander",
    ],
    &["aleksandra", "alexandra", "alex", "sasha", "sandra", "sanna", "alexandrina"],
    &[
        "katharina",
        "katarina",
        "katherine",
        "catherine",
        "kathrin",
        "katrin",
        "katja",
        "katya",
        "kate",
        "katie",
        "kathy",
        "kati",
        "ekaterina",
        "catarina",
        "karin",
        "kaisa",
    ],
    &[
        "margaret",
        "margarethe",
        "margriet",
        "margarida",
        "maggie",
        "meg",
        "peggy",
        "greta",
        "grete",
        "gretchen",
        "marjatta",
        "rita",
    ],
    &[
        "michael", "mike", "mick", "michiel", "micha", "mikko", "mikael", "mikhail", "misha", "miguel", "michel",
        "chiel",
    ],
    &["thomas", "tom", "tommy", "thom", "tomas", "tuomas", "tomi", "foma"],
    &["james", "jim", "jimmy", "jamie", "jaime", "jacobus", "jakob", "jacob", "jaap", "koos", "jake"],
    &["richard", "rick", "ricky", "dick", "rich", "richie", "rikard", "ricardo"],
    &["christopher", "chris", "kit", "christoph", "kristof", "christof", "cristovao"],
    &["christina", "christine", "kristina", "chris", "tina", "stina", "kirsten", "kristiina", "cristina"],
    &["daniel", "dan", "danny", "daan", "dani", "daniil", "danila"],
    &["matthew", "matt", "matthias", "mathias", "matthijs", "matti", "mateus", "matvey", "thijs"],
    &[
        "nicholas", "nicolas", "nick", "nicky", "niklas", "nikolaus", "klaus", "claus", "niels", "nico", "nikolai",
        "kolya", "nicolau", "niko",
    ],
    &["joseph", "joe", "joey", "josef", "jozef", "sepp", "jose", "ze", "osip", "joop", "jos"],
    &["francis", "frank", "franz", "frans", "francisco", "chico", "francesco", "francois", "frans", "ferenc"],
    &["susanne", "susan", "susanna", "sue", "susi", "suzy", "sanne", "suzanne"],
    &["patricia", "pat", "patty", "trish", "tricia", "patrizia"],
    &["jennifer", "jen", "jenny", "jenni"],
    &["anthony", "antony", "tony", "anton", "antonius", "antonio", "toni", "antoon", "teun", "antti", "antonie"],
    &[
        "peter", "pete", "piet", "pieter", "petrus", "pedro", "pierre", "pietro", "pekka", "petri", "pyotr", "petya",
        "petr",
    ],
    &["dmitri", "dmitry", "dmitriy", "dima", "mitya"],
    &["vladimir", "vova", "volodya", "volodymyr"],
    &["anastasia", "nastya", "stacy", "stasya", "ana", "anastacia"],
    &["natalia", "natalya", "natasha", "natalie", "nathalie", "talia"],
    &["yelena", "elena", "jelena", "lena", "helena", "helen", "leena", "heleen", "lenie"],
    &["maria", "mariya", "masha", "marie", "mia", "mieke", "marja", "maaike", "mary", "molly", "maryam"],
    &["anna", "anne", "ann", "anja", "annie", "anneke", "ana", "anya", "annika", "hanna", "hannah"],
    &["cornelis", "cornelius", "kees", "cor", "neel"],
    &["hendrik", "henk", "henry", "harry", "heinrich", "heinz", "henrik", "henri", "henrique", "enrique", "hennie"],
    &["gerardus", "gerard", "gert", "gerrit", "gerhard", "gerd", "geert"],
    &["wilhelmina", "mien", "wilma", "willemijn", "mina", "minna"],
    &["stephen", "steven", "steve", "stefan", "stephan", "steffen", "stijn", "stepan", "esteban", "estevao"],
    &["edward", "ed", "eddie", "ted", "teddy", "eduard", "edwin", "eduardo", "edu"],
    &["benjamin", "ben", "benny", "benji", "bram"],
    &["abraham", "bram", "abe", "braam"],
    &["samuel", "sam", "sammy", "samu"],
    &["samantha", "sam", "sammy"],
    &[
        "andrew", "andy", "drew", "andreas", "andre", "andries", "antti", "andrei", "andrey", "andrzej", "dries",
        "drees",
    ],
    &["charles", "charlie", "chuck", "karl", "carl", "carlos", "carlo", "kalle", "karel", "sjaak"],
    &["frederick", "fred", "freddie", "friedrich", "fritz", "frederik", "frits", "frederico", "fredrik"],
    &["victoria", "vicky", "tori", "viktoria", "vika"],
    &["rebecca", "becky", "becca", "rebekka"],
    &["sophia", "sophie", "sofia", "sofie", "fie", "sonja", "sonya"],
    &["jacqueline", "jackie", "jacky", "jacoba", "coba", "jaqueline"],
    &["emma", "em", "emmy", "emilia", "emily", "emmi", "milla"],
    &["louise", "louisa", "lou", "lulu", "luisa", "luise", "lowieke"],
    &["olga", "olya", "helga"],
    &["tatiana", "tatyana", "tanya", "tania", "tanja"],
    &["sergei", "sergey", "serge", "sergio", "seryozha", "serhiy"],
    &["mikhail", "misha", "michael"],
    &["yuri", "yury", "jurij", "george", "georg", "jorge", "joris", "juri", "jurgen", "jorg", "yrjo", "jorgen"],
    &["goncalo", "gonzalo"],
    &["joana", "joanna", "johanna", "jo", "hanna", "hanne", "jana", "jantje", "jaana", "janneke", "ivana"],
];

#[cfg(test)]
mod tests {
    use super::NICKNAMES;

    #[test]
    fn names_are_folded_lower_case_letters() {
        for group in NICKNAMES {
            for name in *group {
                assert_eq!(super::super::matching::fold(name), *name, "{name} is not folded");
            }
        }
    }
}
