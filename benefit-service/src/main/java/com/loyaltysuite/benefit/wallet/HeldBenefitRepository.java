package com.loyaltysuite.benefit.wallet;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HeldBenefitRepository extends JpaRepository<HeldBenefit, String> {

    List<HeldBenefit> findByMemberIdOrderByGrantedAtAscMemberSequenceAsc(String memberId);
}
