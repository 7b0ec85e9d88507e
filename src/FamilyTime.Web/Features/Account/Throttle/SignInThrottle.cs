namespace FamilyTime.Web.Features.Account.Throttle;

/// <summary>
/// Holds back password guessing without letting a stranger lock anyone out.
/// <para>
/// Why not Identity's lockout: it counts wrong passwords per account, so anyone who knows a user name could lock that
/// person out for 15 minutes with five tries, well inside the per-address rate limit, and only real accounts would
/// answer "locked". Instead the count is kept per (user name, client address) pair: after
/// <see cref="SignInThrottleOptions.FailuresBeforeWait"/> wrong passwords that address must wait 30 seconds before its
/// next try for that name, and each further wrong one doubles the wait up to 15 minutes. The wait holds only the
/// address that made the failures, so the account holder signing in from their own address is never held back by
/// someone else's guessing. A right password from the pair clears its count; an hour without a wrong one forgets it.
/// </para>
/// <para>
/// One address can then make about ten guesses at one account in the first quarter hour and four an hour after that,
/// so only many addresses together (a distributed attack) reach the per-account ceiling,
/// <see cref="SignInThrottleOptions.AccountFailuresPerHour"/> wrong passwords in an hour from all addresses. Once it
/// is reached, until that hour is over, the name is held for every address except those it has been signed in from
/// with the right password in the last 30 days: the holder's usual places still get in.
/// </para>
/// <para>
/// Names are counted as typed (normalised), whether or not an account has that name, so being held says nothing about
/// whether the account exists. Attempts made while held are refused without looking at the password and do not count,
/// so hammering a held pair neither lengthens anyone's wait nor pushes the account towards its ceiling. Tries sent at
/// the same moment are each checked before any is counted; the per-address rate limit bounds how many that can be.
/// </para>
/// <para>
/// The counts live in this process's memory: FamilyTime runs as a single server, and losing them on a restart only
/// gives a guesser a fresh start they could get from another address anyway. Memory stays bounded: entries are
/// forgotten when quiet, and past <see cref="MostPairs"/> pairs the quietest are dropped first.
/// </para>
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, SignInThrottleOptions options)
{
    public const int MostPairs = 100_000;
    private const int MostKnownAddresses = 10;
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ForgetPairAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan KnownAddressFor = TimeSpan.FromDays(30);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Name, string Address), Pair> _pairs = [];
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Whether a try for <paramref name="name"/> from <paramref name="address"/> must be refused unheard.</summary>
    public bool IsHeld(string name, string address)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Sweep(now);
            if (_pairs.TryGetValue((name, address), out var pair) && now < pair.LastFailure + Wait(pair.Failures))
            {
                return true;
            }
            return _accounts.TryGetValue(name, out var account)
                && account.Failures >= options.AccountFailuresPerHour && now < account.WindowStart + AccountWindow
                && !(account.SignedInFrom.TryGetValue(address, out var at) && now < at + KnownAddressFor);
        }
    }

    /// <summary>A wrong password (or an unknown name) was given and checked.</summary>
    public void Failed(string name, string address)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_pairs.TryGetValue((name, address), out var pair))
            {
                _pairs[(name, address)] = pair = new Pair();
            }
            pair.Failures++;
            pair.LastFailure = now;

            var account = AccountOf(name);
            if (now >= account.WindowStart + AccountWindow)
            {
                account.WindowStart = now;
                account.Failures = 0;
            }
            account.Failures++;
            Sweep(now);
        }
    }

    /// <summary>The right password was given: the pair starts again, and the address is one the holder uses.</summary>
    public void Succeeded(string name, string address)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _pairs.Remove((name, address));
            var known = AccountOf(name).SignedInFrom;
            known[address] = now;
            if (known.Count > MostKnownAddresses)
            {
                known.Remove(known.MinBy(k => k.Value).Key);
            }
        }
    }

    /// <summary>How long after its last failure a pair with <paramref name="failures"/> must wait: 30 s, doubling, at most 15 min.</summary>
    private TimeSpan Wait(int failures)
    {
        var beyond = failures - options.FailuresBeforeWait;
        return beyond < 0 ? TimeSpan.Zero
            : beyond >= 5 ? LongestWait
            : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << beyond));
    }

    private Account AccountOf(string name)
    {
        if (!_accounts.TryGetValue(name, out var account))
        {
            _accounts[name] = account = new Account();
        }
        return account;
    }

    /// <summary>Forgets what no longer matters, at most once a minute, and keeps the pairs under <see cref="MostPairs"/>.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep && _pairs.Count <= MostPairs && _accounts.Count <= MostPairs)
        {
            return;
        }
        _nextSweep = now + SweepEvery;
        // The longest wait (15 minutes) is over well before a pair is forgotten.
        foreach (var key in _pairs.Where(p => now >= p.Value.LastFailure + ForgetPairAfter).Select(p => p.Key).ToList())
        {
            _pairs.Remove(key);
        }
        if (_pairs.Count > MostPairs)
        {
            // Down to nine tenths, so a flood does not sort the whole table on every try.
            foreach (var key in _pairs.OrderBy(p => p.Value.LastFailure).Take(_pairs.Count - MostPairs * 9 / 10).Select(p => p.Key).ToList())
            {
                _pairs.Remove(key);
            }
        }
        foreach (var (name, account) in _accounts.ToList())
        {
            foreach (var address in account.SignedInFrom.Where(k => now >= k.Value + KnownAddressFor).Select(k => k.Key).ToList())
            {
                account.SignedInFrom.Remove(address);
            }
            if (now >= account.WindowStart + AccountWindow && account.SignedInFrom.Count == 0)
            {
                _accounts.Remove(name);
            }
        }
        if (_accounts.Count > MostPairs)
        {
            // Names sprayed from many addresses: the ones nobody has signed in as go first, the quietest first.
            foreach (var name in _accounts.Where(a => a.Value.SignedInFrom.Count == 0).OrderBy(a => a.Value.WindowStart)
                         .Take(_accounts.Count - MostPairs * 9 / 10).Select(a => a.Key).ToList())
            {
                _accounts.Remove(name);
            }
        }
    }

    private sealed class Pair
    {
        public int Failures { get; set; }
        public DateTimeOffset LastFailure { get; set; }
    }

    private sealed class Account
    {
        public int Failures { get; set; }
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;
        public Dictionary<string, DateTimeOffset> SignedInFrom { get; } = new(StringComparer.Ordinal);
    }
}
