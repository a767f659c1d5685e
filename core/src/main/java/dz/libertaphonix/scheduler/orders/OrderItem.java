package dz.libertaphonix.scheduler.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "order_items")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public Long orderId;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Column(name = "product_id")
    public String productId;

    public String sku;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", precision = 12, scale = 2)
    public BigDecimal unitPrice;

    @Column(name = "total_price", precision = 12, scale = 2)
    public BigDecimal totalPrice;
}
