package dev.logflow.loader.store;

/** MongoDB error codes the loader acts on. */
public final class MongoErrors {

    /** E11000 duplicate key: the document (or the rollup mark) is already there. */
    public static final int DUPLICATE_KEY = 11000;

    private MongoErrors() {}
}
