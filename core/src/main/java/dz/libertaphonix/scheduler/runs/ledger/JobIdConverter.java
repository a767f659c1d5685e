package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.runs.JobId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link JobId} as its id ({@code ecomanager-sync}), the form the schema checks. A row of a
 * job the catalogue no longer has still reads: the ledger outlives its jobs.
 */
@Converter(autoApply = true)
public class JobIdConverter implements AttributeConverter<JobId, String> {

    @Override
    public String convertToDatabaseColumn(JobId job) {
        return job == null ? null : job.id();
    }

    @Override
    public JobId convertToEntityAttribute(String value) {
        return value == null ? null : JobId.of(value);
    }
}
