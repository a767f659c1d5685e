package dz.libertaphonix.scheduler.maystro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MaystroStatusTest {

    @Test
    void knowsTheEighteenCodesWithTheirFrenchLabels() {
        Map<Integer, String> catalogue = Arrays.stream(MaystroStatus.values())
                .collect(Collectors.toMap(MaystroStatus::code, MaystroStatus::label, (a, b) -> a, TreeMap::new));

        assertThat(catalogue)
                .containsExactly(
                        Map.entry(4, "CRÉÉ"),
                        Map.entry(5, "DEMANDE DE RAMASSAGE"),
                        Map.entry(6, "EN COURS"),
                        Map.entry(8, "EN ATTENTE DE TRANSIT"),
                        Map.entry(9, "EN TRANSIT POUR EXPÉDITION"),
                        Map.entry(10, "EN TRANSIT POUR RETOUR"),
                        Map.entry(11, "EN ATTENTE"),
                        Map.entry(12, "EN RUPTURE DE STOCK"),
                        Map.entry(15, "PRÊT À EXPÉDIER"),
                        Map.entry(22, "ASSIGNÉ"),
                        Map.entry(31, "EXPÉDIÉ"),
                        Map.entry(32, "ALERTÉ"),
                        Map.entry(41, "LIVRÉ"),
                        Map.entry(42, "REPORTÉ"),
                        Map.entry(50, "ANNULÉ"),
                        Map.entry(51, "PRÊT À RETOURNER"),
                        Map.entry(52, "PRIS PAR LE MAGASIN"),
                        Map.entry(53, "NON REÇU"));
    }

    @Test
    void onlyDeliveredCancelledAndTakenBackAreTerminal() {
        assertThat(Arrays.stream(MaystroStatus.values()).filter(MaystroStatus::terminal))
                .extracting(MaystroStatus::code)
                .containsExactlyInAnyOrder(41, 50, 52);
        assertThat(MaystroStatus.terminal(77)).isFalse();
    }

    @Test
    void labelsAnUnknownCodeInconnu() {
        assertThat(MaystroStatus.known(77)).isFalse();
        assertThat(MaystroStatus.labelOf(77)).isEqualTo("INCONNU (77)");
    }
}
