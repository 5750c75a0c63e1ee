package id.capaian.core.republish;

import java.util.List;

/**
 * The owner's current state of every subject of a pemda-year, exactly as its events carry it (removed entities
 * included, as their last event announced them), read in the caller's transaction. Each owner implements it.
 */
public interface CurrentStates {

    List<Republication.Subjek> of(String pemda, int tahun);
}
