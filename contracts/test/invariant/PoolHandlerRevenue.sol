// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolHandlerBase} from "./PoolHandlerBase.sol";

/// @notice PoolHandler's revenue: claims by holders, distributions by the reporter.
abstract contract PoolHandlerRevenue is PoolHandlerBase {
    // ─── Revenue ───────────────────────────────────────────────────────────────────────────────────────

    function claimRevenue(uint256 actorSeed, uint256 receiverSeed) external track("claimRevenue") {
        (address a, uint256 shown) = _actorWith(actorSeed, pool.claimableRevenue);
        address receiver = _actor(receiverSeed);
        if (shown == 0) return;
        vm.prank(a);
        try pool.claim(receiver) returns (uint256 amount) {
            ghostRevenueClaimed += amount;
            statClaims++;
            ghostClaimedBy[a] += amount;
            // Same block: claim accrues exactly as the view previews, so it pays exactly what was shown, and
            // at least what was shown after the previous action.
            if (amount != shown || amount < lastClaimable[a]) claimMismatch = true;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function distributeRevenue(uint256 assetSeed, uint256 amount, uint256 periodLen)
        external
        track("distributeRevenue")
    {
        if (pool.paused()) return; // documented: no distributions while paused
        uint256 assetId = assetIds[assetSeed % 2];
        amount = _bound(amount, pool.minDistribution(), MAX_REVENUE);
        periodLen = _bound(periodLen, 1, 30 days);
        uint64 end = uint64(block.timestamp);
        // forge-lint: disable-next-line(unsafe-typecast)
        uint64 start = end - uint64(periodLen); // periodLen <= 30 days
        usdc.mint(reporter, amount);
        uint256 fee = (amount * pool.protocolFeeBps()) / 10_000;
        vm.prank(reporter);
        try pool.distributeRevenue(assetId, amount, start, end) {
            ghostGrossDistributed += amount;
            ghostFees += fee;
            ghostNetDistributed += amount - fee;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }
}
