using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FamilyTime.Data;

/// <summary>Instants are stored in UTC and read back marked as UTC, on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
