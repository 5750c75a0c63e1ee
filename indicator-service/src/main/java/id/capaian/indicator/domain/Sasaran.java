package id.capaian.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A program's target statement (sasaran, Formulir E.81 column 2), stored per node. It is part of the
 * node's state that the nodes PUT states in full; every indicator event of the node carries it.
 */
@Entity
@Table(name = "sasaran")
public class Sasaran extends PanacheEntityBase {

    public static final int MAX = 2000;

    @EmbeddedId
    public NodeKey key;

    @Column(nullable = false)
    public String teks;
}
