using System.Numerics;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Writes a finite double as a JSON number that reads back as the same double, faster than .NET's shortest
/// round-trip formatting, which was most of the cost of packing the epochs of tiny models. The number is
/// up to 19 significant digits and a decimal exponent (<c>33333333333333331e-17</c>; trailing zeros dropped,
/// <c>5e-1</c>; 15 digits or fewer when those read back the same, <c>1e-3</c>): the double, <c>m · 2^e</c> exactly, is scaled by a 64-bit power of ten in one 64 × 64-bit
/// product and truncated to at least 17 digits, so the number lies within 1.1 · 10^-17 of it, relatively,
/// while halfway to the next double is at least 5.5 · 10^-17 away: every correct parser (.NET's, SQLite's)
/// reads it back as the same double.
/// </summary>
internal static class RoundTripJsonNumber
{
    /// <summary>The longest text written: a sign, 19 digits, <c>e-</c> and three exponent digits.</summary>
    public const int MaxLength = 25;

    /// <summary>Powers of ten needed to scale any double to 18 or 19 digits: 10^-290 to 10^342.</summary>
    private const int MinPower = -290;
    private const int MaxPower = 342;

    private static readonly (ulong Mantissa, int Exponent)[] PowersOfTen = BuildPowers();

    /// <summary>Writes <paramref name="value"/> (finite) to <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(double value, Span<byte> destination)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var length = 0;
        if ((long)bits < 0)
        {
            destination[length++] = (byte)'-';
        }

        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1UL << 52) - 1);
        if (biased == 0 && fraction == 0)
        {
            "0.0"u8.CopyTo(destination[length..]);
            return length + 3;
        }

        // value = mantissa · 2^binary, mantissa an integer below 2^53.
        var (mantissa, binary) = biased == 0 ? (fraction, -1074) : (fraction | (1UL << 52), biased - 1075);

        // floor(log10(value)) is estimate or estimate + 1; scaling by 10^(17 - estimate) puts the digits in [10^17, 10^19).
        var leadingBit = binary + 63 - BitOperations.LeadingZeroCount(mantissa);
        var estimate = (int)Math.Floor(leadingBit * 0.30102999566398120);
        var power = 17 - estimate;
        var (scale, scaleExponent) = PowersOfTen[power - MinPower];
        var product = (UInt128)mantissa * scale;
        var digits = (ulong)(product >> -(binary + scaleExponent));
        var exponent = -power;
        (digits, exponent) = Shortened(Math.Abs(value), digits, exponent);
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        digits.TryFormat(destination[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += written;
        destination[length++] = (byte)'e';
        exponent.TryFormat(destination[length..], out written, provider: System.Globalization.CultureInfo.InvariantCulture);
        return length + written;
    }

    /// <summary>
    /// The digits rounded to 15 when those read back as the same double, else as they are: many stored values
    /// are short decimals (a learning rate of 0.001, a time in 100 ns ticks), which would otherwise take 18 or 19
    /// digits. A number of at most 2^53 times a power of ten up to 10^22 is read as the product or quotient of
    /// two exact doubles, correctly rounded, so computing that here tells exactly what a parser will read.
    /// </summary>
    private static (ulong Digits, int Exponent) Shortened(double magnitude, ulong digits, int exponent)
    {
        var drop = digits < 1_000_000_000_000_000_000UL ? 3 : 4;
        var divisor = drop == 3 ? 1_000UL : 10_000UL;
        var shortDigits = (digits + (divisor / 2)) / divisor;
        var shortExponent = exponent + drop;
        while (shortDigits % 10 == 0)
        {
            shortDigits /= 10;
            shortExponent++;
        }

        if (shortDigits > 1UL << 53 || Math.Abs(shortExponent) > 22)
        {
            return (digits, exponent);
        }

        var read = shortExponent >= 0 ? shortDigits * ExactPowersOfTen[shortExponent] : shortDigits / ExactPowersOfTen[-shortExponent];
        return read == magnitude ? (shortDigits, shortExponent) : (digits, exponent);
    }

    /// <summary>10^0 to 10^22: the powers of ten a double holds exactly.</summary>
    private static readonly double[] ExactPowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>10^n as a 64-bit mantissa with its top bit set and a binary exponent, rounded down: 10^n ≥ mantissa · 2^exponent > 10^n · (1 - 2^-63).</summary>
    private static (ulong, int)[] BuildPowers()
    {
        var powers = new (ulong, int)[MaxPower - MinPower + 1];
        for (var n = MinPower; n <= MaxPower; n++)
        {
            BigInteger mantissa;
            int exponent;
            if (n >= 0)
            {
                var exact = BigInteger.Pow(10, n);
                exponent = (int)exact.GetBitLength() - 64;
                mantissa = exponent >= 0 ? exact >> exponent : exact << -exponent;
            }
            else
            {
                var divisor = BigInteger.Pow(10, -n);
                exponent = -(int)divisor.GetBitLength() - 64;
                mantissa = (BigInteger.One << -exponent) / divisor;
                if (mantissa.GetBitLength() > 64)
                {
                    mantissa >>= 1;
                    exponent++;
                }
            }

            powers[n - MinPower] = ((ulong)mantissa, exponent);
        }

        return powers;
    }
}
