package dz.libertaphonix.scheduler.devmode;

import java.util.List;

/** Realistic Algerian data for the sandbox: the 58 wilayas with some of their communes, names, products. */
final class SandboxCatalog {

    record Wilaya(int code, String name, List<String> communes) {}

    record Product(String id, String sku, String title, int priceDzd) {}

    static final List<Wilaya> WILAYAS = List.of(
            new Wilaya(1, "Adrar", List.of("Adrar", "Reggane", "Aoulef")),
            new Wilaya(2, "Chlef", List.of("Chlef", "Ténès", "Oued Fodda")),
            new Wilaya(3, "Laghouat", List.of("Laghouat", "Aflou", "Ksar El Hirane")),
            new Wilaya(4, "Oum El Bouaghi", List.of("Oum El Bouaghi", "Aïn Beïda", "Aïn M'lila")),
            new Wilaya(5, "Batna", List.of("Batna", "Barika", "Arris")),
            new Wilaya(6, "Béjaïa", List.of("Béjaïa", "Akbou", "Amizour")),
            new Wilaya(7, "Biskra", List.of("Biskra", "Tolga", "Sidi Okba")),
            new Wilaya(8, "Béchar", List.of("Béchar", "Kenadsa", "Abadla")),
            new Wilaya(9, "Blida", List.of("Blida", "Boufarik", "Ouled Yaïch")),
            new Wilaya(10, "Bouira", List.of("Bouira", "Lakhdaria", "Sour El Ghozlane")),
            new Wilaya(11, "Tamanrasset", List.of("Tamanrasset", "In Amguel")),
            new Wilaya(12, "Tébessa", List.of("Tébessa", "Bir El Ater", "Chéria")),
            new Wilaya(13, "Tlemcen", List.of("Tlemcen", "Maghnia", "Ghazaouet")),
            new Wilaya(14, "Tiaret", List.of("Tiaret", "Sougueur", "Frenda")),
            new Wilaya(15, "Tizi Ouzou", List.of("Tizi Ouzou", "Azazga", "Draâ Ben Khedda")),
            new Wilaya(16, "Alger", List.of("Bab Ezzouar", "Hussein Dey", "Kouba", "Bir Mourad Raïs", "Cheraga")),
            new Wilaya(17, "Djelfa", List.of("Djelfa", "Aïn Oussera", "Messaâd")),
            new Wilaya(18, "Jijel", List.of("Jijel", "Taher", "El Milia")),
            new Wilaya(19, "Sétif", List.of("Sétif", "El Eulma", "Aïn Arnat")),
            new Wilaya(20, "Saïda", List.of("Saïda", "Aïn El Hadjar")),
            new Wilaya(21, "Skikda", List.of("Skikda", "Azzaba", "Collo")),
            new Wilaya(22, "Sidi Bel Abbès", List.of("Sidi Bel Abbès", "Telagh", "Sfisef")),
            new Wilaya(23, "Annaba", List.of("Annaba", "El Bouni", "El Hadjar")),
            new Wilaya(24, "Guelma", List.of("Guelma", "Oued Zenati", "Héliopolis")),
            new Wilaya(25, "Constantine", List.of("Constantine", "El Khroub", "Aïn Smara")),
            new Wilaya(26, "Médéa", List.of("Médéa", "Berrouaghia", "Ksar El Boukhari")),
            new Wilaya(27, "Mostaganem", List.of("Mostaganem", "Aïn Tédelès", "Hassi Mamèche")),
            new Wilaya(28, "M'Sila", List.of("M'Sila", "Bou Saâda", "Sidi Aïssa")),
            new Wilaya(29, "Mascara", List.of("Mascara", "Sig", "Mohammadia")),
            new Wilaya(30, "Ouargla", List.of("Ouargla", "Hassi Messaoud", "Rouissat")),
            new Wilaya(31, "Oran", List.of("Oran", "Bir El Djir", "Es Senia", "Aïn El Turck")),
            new Wilaya(32, "El Bayadh", List.of("El Bayadh", "Brezina")),
            new Wilaya(33, "Illizi", List.of("Illizi")),
            new Wilaya(34, "Bordj Bou Arréridj", List.of("Bordj Bou Arréridj", "Ras El Oued", "Medjana")),
            new Wilaya(35, "Boumerdès", List.of("Boumerdès", "Bordj Menaïel", "Boudouaou")),
            new Wilaya(36, "El Tarf", List.of("El Tarf", "El Kala", "Ben M'Hidi")),
            new Wilaya(37, "Tindouf", List.of("Tindouf")),
            new Wilaya(38, "Tissemsilt", List.of("Tissemsilt", "Theniet El Had")),
            new Wilaya(39, "El Oued", List.of("El Oued", "Guemar", "Debila")),
            new Wilaya(40, "Khenchela", List.of("Khenchela", "Kaïs")),
            new Wilaya(41, "Souk Ahras", List.of("Souk Ahras", "Sedrata")),
            new Wilaya(42, "Tipaza", List.of("Tipaza", "Koléa", "Cherchell")),
            new Wilaya(43, "Mila", List.of("Mila", "Chelghoum Laïd", "Ferdjioua")),
            new Wilaya(44, "Aïn Defla", List.of("Aïn Defla", "Khemis Miliana", "Miliana")),
            new Wilaya(45, "Naâma", List.of("Naâma", "Mécheria", "Aïn Sefra")),
            new Wilaya(46, "Aïn Témouchent", List.of("Aïn Témouchent", "Hammam Bou Hadjar", "Beni Saf")),
            new Wilaya(47, "Ghardaïa", List.of("Ghardaïa", "Metlili", "Berriane")),
            new Wilaya(48, "Relizane", List.of("Relizane", "Oued Rhiou", "Mazouna")),
            new Wilaya(49, "Timimoun", List.of("Timimoun", "Aougrout")),
            new Wilaya(50, "Bordj Badji Mokhtar", List.of("Bordj Badji Mokhtar")),
            new Wilaya(51, "Ouled Djellal", List.of("Ouled Djellal", "Sidi Khaled")),
            new Wilaya(52, "Béni Abbès", List.of("Béni Abbès", "Kerzaz")),
            new Wilaya(53, "In Salah", List.of("In Salah")),
            new Wilaya(54, "In Guezzam", List.of("In Guezzam")),
            new Wilaya(55, "Touggourt", List.of("Touggourt", "Témacine")),
            new Wilaya(56, "Djanet", List.of("Djanet")),
            new Wilaya(57, "El M'Ghair", List.of("El M'Ghair", "Djamaa")),
            new Wilaya(58, "El Meniaa", List.of("El Meniaa", "Hassi Gara")));

    static final List<String> FIRST_NAMES = List.of(
            "Amina", "Yacine", "Sara", "Mohamed", "Lina", "Karim", "Nour", "Rania", "Walid", "Imane", "Sofiane",
            "Meriem", "Bilal", "Yasmine", "Anis", "Khadija", "Riad", "Fella", "Hichem", "Nesrine", "Mourad", "Asma");

    static final List<String> LAST_NAMES = List.of(
            "Benali",
            "Bouzid",
            "Haddad",
            "Mansouri",
            "Belkacem",
            "Saïdi",
            "Cherif",
            "Zerrouki",
            "Khelifi",
            "Brahimi",
            "Boudiaf",
            "Amrani",
            "Hamidi",
            "Meziane",
            "Kaci",
            "Ouali",
            "Rahmani",
            "Taleb",
            "Djebbar",
            "Larbi");

    static final List<Product> PRODUCTS = List.of(
            new Product("101", "NAT-CRM-50", "Crème hydratante à l'huile d'argan 50 ml", 1800),
            new Product("102", "NAT-SAV-3", "Savon noir beldi (lot de 3)", 1200),
            new Product("205", "KIT-MIX-1", "Robot pâtissier 1000 W", 14500),
            new Product("207", "KIT-CAF-2", "Cafetière italienne 6 tasses", 3200),
            new Product("310", "MOD-ABY-M", "Abaya brodée taille M", 6900),
            new Product("311", "MOD-FOU-L", "Foulard en soie", 2100),
            new Product("412", "TEC-ECO-B", "Écouteurs sans fil", 4500),
            new Product("415", "TEC-CHG-20", "Chargeur rapide 20 W", 1600));

    private SandboxCatalog() {}
}
