using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyTime.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FamiliesAsPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedById",
                table: "Sessions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByName",
                table: "Sessions",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastModified",
                table: "Sessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateOnly>(
                name: "MovedFrom",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunningLateMinutes",
                table: "Sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RunningLateSaidAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnconfirmedAt",
                table: "Sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "ParentReplies",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmHoursBefore",
                table: "Arrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<bool>(
                name: "ConfirmationRequired",
                table: "Arrangements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CarerAlertPreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByText = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhoneBeforeEarlyReturn = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarerAlertPreferences", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CarerAlertPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiaryEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Time = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndirectContactEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    HappenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SomeoneElse = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HowChildWas = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WhatCarerDid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Worried = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndirectContactEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndirectContactEntries_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndirectContactEntries_SignificantPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "SignificantPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CarerHouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InviteeName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RearrangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OriginalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OriginalStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ProposedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedFrom = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ProposedTo = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PendingSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    AgreedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreedStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RearrangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RearrangeRequests_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeeingWishes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WantToSee = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InTheirWords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NotWantToSee = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SaidAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SaidById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeeingWishes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeeingWishes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionFeelings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Face = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SaidAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SaidById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionFeelings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionFeelings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionFeelings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedNoteReads",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedNoteReads", x => new { x.RecordId, x.ParentUserId });
                    table.ForeignKey(
                        name: "FK_SharedNoteReads_ContactRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalkRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AskedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MadeTask = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalkRequests_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Claimant = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    Miles = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    ReceiptFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PaymentRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelClaims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParentReplies_RecordId_ParentUserId_Key",
                table: "ParentReplies",
                columns: new[] { "RecordId", "ParentUserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OwnerUserId",
                table: "Certificates",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryEntries_OwnerUserId_Date",
                table: "DiaryEntries",
                columns: new[] { "OwnerUserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_IndirectContactEntries_ChildId_HappenedAt",
                table: "IndirectContactEntries",
                columns: new[] { "ChildId", "HappenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IndirectContactEntries_PersonId",
                table: "IndirectContactEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ChildId_SentAt",
                table: "Invitations",
                columns: new[] { "ChildId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OpenKey",
                table: "Invitations",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioGoals_ChildId",
                table: "PortfolioGoals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioGoals_PersonId",
                table: "PortfolioGoals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RearrangeRequests_ChildId",
                table: "RearrangeRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_RearrangeRequests_PendingSessionId",
                table: "RearrangeRequests",
                column: "PendingSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RearrangeRequests_SessionId_RequestedAt",
                table: "RearrangeRequests",
                columns: new[] { "SessionId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SeeingWishes_ChildId_SaidAt",
                table: "SeeingWishes",
                columns: new[] { "ChildId", "SaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionFeelings_ChildId",
                table: "SessionFeelings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionFeelings_SessionId_Number",
                table: "SessionFeelings",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SharedNoteReads_ParentUserId",
                table: "SharedNoteReads",
                column: "ParentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_OwnerUserId",
                table: "StoredFiles",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkRequests_ChildId_AskedAt",
                table: "TalkRequests",
                columns: new[] { "ChildId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkRequests_ChildId_RequestKey",
                table: "TalkRequests",
                columns: new[] { "ChildId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelClaims_ChildId_State",
                table: "TravelClaims",
                columns: new[] { "ChildId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelClaims_ClaimantUserId",
                table: "TravelClaims",
                column: "ClaimantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelClaims_PaymentRunId",
                table: "TravelClaims",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelClaims_SessionId_ClaimantUserId",
                table: "TravelClaims",
                columns: new[] { "SessionId", "ClaimantUserId" },
                unique: true);

            // Calendars already hold these sessions with SEQUENCE = Version - 1 (the feed's old rule): starting again at
            // 0 would look older to calendar apps, which then ignore the next change.
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"Sequence\" = CASE WHEN \"Version\" > 1 THEN \"Version\" - 1 ELSE 0 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarerAlertPreferences");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "DiaryEntries");

            migrationBuilder.DropTable(
                name: "IndirectContactEntries");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "PortfolioGoals");

            migrationBuilder.DropTable(
                name: "RearrangeRequests");

            migrationBuilder.DropTable(
                name: "SeeingWishes");

            migrationBuilder.DropTable(
                name: "SessionFeelings");

            migrationBuilder.DropTable(
                name: "SharedNoteReads");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "TalkRequests");

            migrationBuilder.DropTable(
                name: "TravelClaims");

            migrationBuilder.DropIndex(
                name: "IX_ParentReplies_RecordId_ParentUserId_Key",
                table: "ParentReplies");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ConfirmedById",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ConfirmedByName",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LastModified",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "MovedFrom",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RunningLateMinutes",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "RunningLateSaidAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "UnconfirmedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "ParentReplies");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ConfirmHoursBefore",
                table: "Arrangements");

            migrationBuilder.DropColumn(
                name: "ConfirmationRequired",
                table: "Arrangements");
        }
    }
}
