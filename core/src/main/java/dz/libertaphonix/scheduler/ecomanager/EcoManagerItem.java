package dz.libertaphonix.scheduler.ecomanager;

import java.math.BigDecimal;

/**
 * One line of an EcoManager order, prices normalised from whichever shape the order used
 * ({@code unit_price}/{@code total_price}, only one of them, or {@code selling_price}).
 */
public record EcoManagerItem(
        String productId, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal totalPrice) {}
