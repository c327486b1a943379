package com.loyaltysuite.notification.api;

import com.loyaltysuite.notification.delivery.DailyFigures;
import com.loyaltysuite.support.apidocs.NeverNotFound;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports", description = "The daily business report")
@RestController
class ReportController {

    private final DailyFigures figures;

    ReportController(DailyFigures figures) {
        this.figures = figures;
    }

    /** The figures of the daily business report (营业汇报) for one day in the programme's zone, as they stand. */
    @Allowed({Scopes.SUPPORT_READ, Scopes.ADMIN})
    @Operation(summary = "The daily business report's figures (营业汇报)", description = "For one day (ISO date) in the programme's zone, as they stand now.")
    @NeverNotFound
    @GetMapping("/reports/daily/{day}")
    Map<String, String> daily(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return figures.of(day);
    }
}
