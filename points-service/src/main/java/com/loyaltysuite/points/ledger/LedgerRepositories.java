package com.loyaltysuite.points.ledger;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LedgerEntryRepository extends JpaRepository<LedgerEntry, String> {

    @Query("select coalesce(sum(e.points), 0) from LedgerEntry e where e.memberId = ?1 and e.availableAt > ?2")
    long pendingPoints(String memberId, Instant now);
}

interface PointsBalanceRepository extends JpaRepository<PointsBalance, String> {}
