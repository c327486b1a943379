package com.loyaltysuite.points.ledger;

import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the balances; {@link LedgerBatch} writes them. */
interface PointsBalanceRepository extends JpaRepository<PointsBalance, String> {}
