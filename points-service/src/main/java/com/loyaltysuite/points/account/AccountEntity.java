package com.loyaltysuite.points.account;

import java.util.List;

/**
 * An entity of the points account (an earned order, a reservation), equal to another of its kind
 * when their state is: the account rebuilt from its events must equal the one that decided them
 * (Axon's fixtures check it), and a snapshot must restore it exactly.
 */
public abstract class AccountEntity {

    /** Every field of the entity, in a fixed order. */
    protected abstract List<Object> state();

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && state().equals(((AccountEntity) other).state());
    }

    @Override
    public final int hashCode() {
        return state().hashCode();
    }
}
