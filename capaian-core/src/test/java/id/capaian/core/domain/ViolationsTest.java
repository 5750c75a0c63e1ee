package id.capaian.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.core.problem.Problem;
import id.capaian.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A request with a million faults is answered with at most Problem.MAX_ERRORS of them and the count of the rest. */
class ViolationsTest {

    @Test
    void atMostMaxErrorsAreKeptAndTheRestCounted() {
        Violations v = new Violations();
        for (int i = 0; i < 1_000_000; i++) {
            v.add("[" + i + "].kode", "wajib diisi");
        }
        assertThat(v.errors()).hasSize(Problem.MAX_ERRORS);
        assertThat(v.omitted()).isEqualTo(1_000_000 - Problem.MAX_ERRORS);
        try {
            v.throwIfAny();
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(422);
            assertThat(e.problem().errors()).hasSize(100);
            assertThat(e.problem().errors().get(99).field()).isEqualTo("[99].kode");
            assertThat(e.problem().errorsOmitted()).isEqualTo(999_900);
            assertThat(e.problem().detail()).isEqualTo("1000000 isian tidak valid");
            return;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aProblemBuiltFromALongListIsCappedToo() {
        var errors = new java.util.ArrayList<Problem.FieldError>();
        for (int i = 0; i < 150; i++) {
            errors.add(new Problem.FieldError("f" + i, "m"));
        }
        Problem p = new ProblemException(422, "validasi", "Data tidak valid", "150", errors).problem();
        assertThat(p.errors()).hasSize(100);
        assertThat(p.errorsOmitted()).isEqualTo(50);
        Problem few = new ProblemException(422, "validasi", "Data tidak valid", "1", errors.subList(0, 1)).problem();
        assertThat(few.errorsOmitted()).isNull();
        assertThat(new Violations(3).add("a", "m").add("b", "m").add("c", "m").add("d", "m").errors()).hasSize(3);
    }
}
