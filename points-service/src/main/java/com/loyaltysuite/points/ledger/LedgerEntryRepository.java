package com.loyaltysuite.points.ledger;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the ledger, newest first; {@link LedgerBatch} writes it. */
interface LedgerEntryRepository extends JpaRepository<LedgerEntry, String> {

    Page<LedgerEntry> findByMemberIdOrderBySequenceNumberDesc(String memberId, Pageable page);
}
