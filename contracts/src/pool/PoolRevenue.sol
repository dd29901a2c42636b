// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PoolCapital} from "./PoolCapital.sol";

/// @notice Real yield: revenue distributions, streamed into a reward-per-share accumulator and claimed in cash.
abstract contract PoolRevenue is PoolCapital {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    /// @notice Distributes an asset's net operating revenue for a past period, pulled in USDC from the reporter.
    function distributeRevenue(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        _pull(msg.sender, amount);
        _accrueRevenue();
        uint256 net = _recordDistribution(assetId, amount, periodStart, periodEnd);
        _mergeIntoStream(net);
    }

    /// @notice Several assets' revenue in one transaction (one transfer, one stream update).
    function distributeRevenueBatch(Distribution[] calldata distributions)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        uint256 total;
        for (uint256 i = 0; i < distributions.length; i++) {
            total += distributions[i].amount;
        }
        _pull(msg.sender, total);
        _accrueRevenue();
        uint256 net;
        for (uint256 i = 0; i < distributions.length; i++) {
            Distribution calldata d = distributions[i];
            net += _recordDistribution(d.assetId, d.amount, d.periodStart, d.periodEnd);
        }
        _mergeIntoStream(net);
    }

    /// @notice Pays the caller's claimable revenue, in USDC, to `receiver`. Works while paused.
    function claim(address receiver) external nonReentrant returns (uint256 amount) {
        uint256 acc = _accrueRevenue();
        Account storage a = _accounts[msg.sender];
        amount = _owed(a.balance, a.revenueDebt, acc);
        if (amount == 0) revert NothingToClaim();
        a.revenueDebt += amount.toInt256().toInt128();
        revenueHeld = uint128(revenueHeld - amount);
        totalRevenueClaimed = (totalRevenueClaimed + amount).toUint128();
        IERC20(asset()).safeTransfer(receiver, amount);
        emit RevenueClaimed(msg.sender, receiver, amount);
    }

    /// @notice Revenue `account` could claim now, released streaming included.
    function claimableRevenue(address account) public view returns (uint256) {
        Account memory a = _accounts[account];
        (uint256 acc,) = _previewAccrual();
        return _owed(a.balance, a.revenueDebt, acc);
    }

    /// @notice Revenue per share released so far, scaled by 1e36, as of the last update.
    function accRevenuePerShare() external view returns (uint256) {
        return _accrual.accPerShare;
    }

    /// @notice Net revenue still streaming (distributed, not yet released to holders).
    function streamingRevenue() external view returns (uint256) {
        (, uint256 remaining) = _previewAccrual();
        return remaining;
    }

    function _recordDistribution(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        private
        returns (uint256 net)
    {
        if (amount < minDistribution) revert BelowMinimumDistribution(amount, minDistribution);
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        _operatorOfOwnAsset(assetId);
        uint256 fee = (amount * protocolFeeBps) / 10_000;
        net = amount - fee;
        if (fee > 0) IERC20(asset()).safeTransfer(treasury, fee);
        totalRevenueDistributed += net;
        revenueHeld = (revenueHeld + net).toUint128();
        emit RevenueDistributed(
            assetId, amount, fee, net, periodStart, periodEnd, uint64(block.timestamp) + revenueStreamDuration
        );
    }

    /// @dev Adds `amount` to what is streaming. The stream's end moves to the amount-weighted mean of the time the
    /// running stream had left and a full window for the new amount: a new distribution is released over about a
    /// full window, and a small one barely moves the release of what was already streaming. Call after
    /// `_accrueRevenue`, so the stream is up to date.
    function _mergeIntoStream(uint256 amount) private {
        (uint256 acc, uint256 remaining, uint256 end,) = _loadAccrual();
        uint256 total = remaining + amount;
        if (total == 0) return;
        uint256 left = end > block.timestamp ? end - block.timestamp : 0;
        uint256 window = (remaining * left + amount * revenueStreamDuration) / total;
        _storeAccrual(acc, total, block.timestamp + window);
    }

    /// @dev Releases what the stream owes since its last update and returns the accumulator. Nothing streaming, or
    /// already released this second: nothing to settle, and nothing is written.
    function _accrueRevenue() internal returns (uint256) {
        (uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt) = _loadAccrual();
        if (remaining == 0 || block.timestamp <= updatedAt) return acc;
        (acc, remaining, end) = _release(acc, remaining, end, updatedAt, totalSupply());
        _storeAccrual(acc, remaining, end);
        return acc;
    }

    /// @dev The accrual slot in one SLOAD, and one SSTORE (Solidity reads and writes a packed struct member by
    /// member). The store bounds what SafeCast would: the accumulator to 128 bits, the rest by construction.
    function _loadAccrual() private view returns (uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt) {
        uint256 word;
        assembly ("memory-safe") {
            word := sload(_accrual.slot)
        }
        return (uint128(word), uint64(word >> 128), uint32(word >> 192), uint32(word >> 224));
    }

    function _storeAccrual(uint256 acc, uint256 remaining, uint256 end) private {
        uint256 word = uint256(acc.toUint128()) | (uint256(remaining.toUint64()) << 128)
            | (uint256(end.toUint32()) << 192) | (block.timestamp << 224);
        assembly ("memory-safe") {
            sstore(_accrual.slot, word)
        }
    }

    /// @dev The accumulator and what still streams, as of now.
    function _previewAccrual() private view returns (uint256 acc, uint256 remaining) {
        uint256 end;
        uint256 updatedAt;
        (acc, remaining, end, updatedAt) = _loadAccrual();
        if (remaining > 0 && block.timestamp > updatedAt) {
            (acc, remaining,) = _release(acc, remaining, end, updatedAt, totalSupply());
        }
    }

    /// @dev What the stream releases since its last update: remaining × elapsed ÷ time left, exact at the end. With
    /// fewer than MIN_ACCRUAL_SUPPLY shares there is nobody to release to: the stream waits, its end moving by the
    /// time waited, so the next holders receive it over the time it had left (never all at once, just in time).
    /// remaining < 2^64 and elapsed < 2^32, released × 1e36 < 2^184: plain arithmetic cannot overflow.
    function _release(uint256 acc, uint256 remaining, uint256 end, uint256 updatedAt, uint256 supply)
        private
        view
        returns (uint256, uint256, uint256)
    {
        uint256 elapsed = block.timestamp - updatedAt;
        if (supply < MIN_ACCRUAL_SUPPLY) return (acc, remaining, end + elapsed);
        uint256 released = block.timestamp >= end ? remaining : (remaining * elapsed) / (end - updatedAt);
        return (acc + (released * ACC_PRECISION) / supply, remaining - released, end);
    }

    /// @notice Net revenue distributed and not yet released, as of the last update (`streamingRevenue` is live).
    function streamRemaining() external view returns (uint256) {
        return _accrual.remaining;
    }

    function streamEnd() external view returns (uint64) {
        return _accrual.end;
    }

    function streamUpdatedAt() external view returns (uint64) {
        return _accrual.updatedAt;
    }

    /// @dev balance × acc − debt, never below zero (a deposit's rounding may take a holder's last wei).
    function _owed(uint256 balance, int256 revenueDebt, uint256 acc) private pure returns (uint256) {
        int256 owed = Math.mulDiv(balance, acc, ACC_PRECISION).toInt256() - revenueDebt;
        return owed > 0 ? uint256(owed) : 0;
    }
}
