package dz.libertaphonix.scheduler.ecomanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EcoManagerOrderParserTest {

    private final EcoManagerOrderParser parser = new EcoManagerOrderParser(new ObjectMapper());

    private EcoManagerOrder parse(String json) throws Exception {
        return parser.order(new ObjectMapper().readTree(json));
    }

    @Test
    void readsAFullOrderWithNumbersSentAsStringsAndIgnoresUnknownFields() throws Exception {
        EcoManagerOrder order = parse("""
                {"id": "174302", "reference": "NATU-174302", "order_state_name": "En dispatch",
                 "confirmation_state_name": "Non confirmé", "full_name": "Yacine Boudiaf",
                 "telephone": "+213 555 12 34 56", "wilaya": "Oran", "commune": "Bir El Djir",
                 "total": "7 400,00 DA", "created_at": "2025-07-24 18:38:27",
                 "shipping_company": "Yalidine", "tags": ["cod"], "customer": {"vip": true},
                 "items": [{"product_id": 118, "title": "Parfum Oud Royal 100 ml", "quantity": "2",
                            "unit_price": "3500", "total_price": 7000, "warehouse": "Oran-1"}]}
                """);

        assertThat(order.wellFormed()).as("problems %s", order.problems()).isTrue();
        assertThat(order.id()).isEqualTo(174302L);
        assertThat(order.inDispatch()).isTrue();
        assertThat(order.total()).isEqualByComparingTo("7400.00");
        assertThat(order.items())
                .containsExactly(new EcoManagerItem(
                        "118",
                        null,
                        "Parfum Oud Royal 100 ml",
                        2,
                        new BigDecimal("3500.00"),
                        new BigDecimal("7000.00")));
        assertThat(order.rawJson()).contains("\"shipping_company\":\"Yalidine\"");
    }

    @Test
    void acceptsTheThreeItemPriceShapes() throws Exception {
        EcoManagerOrder order = parse("""
                {"id": 5, "reference": "R5", "order_state_name": "En dispatch", "full_name": "Lamia Cherif",
                 "telephone": "0661234567", "total": 11700,
                 "items": [
                   {"product_id": "1", "title": "Montre connectée Sport X2", "quantity": 1,
                    "unit_price": 6900, "total_price": 6900},
                   {"product_id": "2", "title": "Ensemble hijab en soie", "quantity": 1, "selling_price": "3200.00"},
                   {"product_id": "3", "title": "Huile de nigelle bio 250 ml", "quantity": 2, "total_price": "3600"}
                 ]}
                """);

        assertThat(order.problems()).isEmpty();
        assertThat(order.items())
                .extracting(EcoManagerItem::unitPrice, EcoManagerItem::totalPrice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("6900.00"), new BigDecimal("6900.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("3200.00"), new BigDecimal("3200.00")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("1800.00"), new BigDecimal("3600.00")));
    }

    @Test
    void keepsAnUnknownStateRawWithoutComplaining() throws Exception {
        EcoManagerOrder order = parse("""
                {"id": 9, "reference": "R9", "order_state_name": "En attente de paiement", "full_name": "Imane Saadi",
                 "telephone": "0770000000", "total": 1200,
                 "items": [{"product_id": 4, "title": "Coque iPhone 14 antichoc", "quantity": 1, "unit_price": 1200}]}
                """);

        assertThat(order.state()).isEqualTo("En attente de paiement");
        assertThat(order.inDispatch()).isFalse();
        assertThat(order.problems()).isEmpty();
    }

    @Test
    void namesEveryProblemOfAMalformedOrderInsteadOfFailing() throws Exception {
        EcoManagerOrder order = parse("""
                {"reference": "R?", "order_state_name": "En dispatch", "full_name": "Karim Haddad",
                 "telephone": "0550112233", "total": "beaucoup", "items": []}
                """);

        assertThat(order.id()).isNull();
        assertThat(order.problems()).contains("missing id", "total is not a number: \"beaucoup\"", "no items");
    }

    @Test
    void reportsABadItemQuantityAndANegativePrice() throws Exception {
        EcoManagerOrder order = parse("""
                {"id": 12, "reference": "R12", "order_state_name": "En dispatch", "full_name": "Walid Hamidi",
                 "telephone": "0550112233", "total": 2500,
                 "items": [{"title": "Mixeur", "quantity": 0, "unit_price": 2500},
                           {"title": "Coque", "quantity": 1, "unit_price": -5}]}
                """);

        assertThat(order.problems())
                .containsExactly("item 1 quantity is not positive: 0", "item 2 unit_price is negative: -5");
    }

    @Test
    void turnsABodyThatIsNotAnOrderListIntoAMalformedResponse() {
        assertThatThrownBy(() -> parser.page("<html>502 Bad Gateway</html>"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.page("{\"message\": \"Server Error\"}"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("data");
    }

    @Test
    void takesTheNextCursorFromMetaOrElseFromTheNextLink() {
        OrdersPage fromMeta = parser.page("{\"data\": [], \"meta\": {\"next_cursor\": \"eyJpZCI6MX0\"}}");
        OrdersPage fromLink = parser.page(
                "{\"data\": [{\"id\": 3}], \"links\": {\"next\": \"https://natu.ecomanager.dz/api/shop/v2/orders?cursor=eyJpZCI6Mn0&per_page=100\"}}");
        OrdersPage last = parser.page("{\"data\": [{\"id\": 3}], \"meta\": {\"next_cursor\": null}}");

        assertThat(fromMeta.nextCursor()).isEqualTo("eyJpZCI6MX0");
        assertThat(fromLink.nextCursor()).isEqualTo("eyJpZCI6Mn0");
        assertThat(last.nextCursor()).isNull();
        assertThat(last.last()).isTrue();
    }
}
