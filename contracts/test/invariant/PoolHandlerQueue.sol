// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {PoolHandlerBase} from "./PoolHandlerBase.sol";

/// @notice PoolHandler's redemption queue: requests (own, by operator, by spender), cancels, claims, fills.
abstract contract PoolHandlerQueue is PoolHandlerBase {
    // ─── Redemption queue ──────────────────────────────────────────────────────────────────────────────

    /// Another actor than `a`, from a seed.
    function _other(address a, uint256 seed) internal view returns (address o) {
        o = _actor(seed);
        if (o == a) o = _actor(seed + 1);
    }

    /// ERC-7540 request: by the owner, by an operator of the owner, or by a spender with an allowance, for a
    /// controller that may be someone else. Sized like a user would: at least the minimum, or the whole position.
    function requestRedeem(uint256 actorSeed, uint256 amount, uint256 modeSeed) external track("requestRedeem") {
        if (pool.paused()) return; // documented: no requests while paused
        (address owner, uint256 max) = _actorWith(actorSeed, pool.unlockedShares);
        if (max == 0) return;
        uint256 shares = _mostly(amount, max);
        uint256 value = pool.previewRedeem(shares);
        if (shares < max && (value < pool.minDeposit() || value == 0)) shares = max;
        // Documented: a request worth nothing (dust, or shares of a pool that lost everything) is refused.
        if (pool.previewRedeem(shares) == 0) return;
        uint256 mode = modeSeed % 3;
        address sender = owner;
        address controller = owner;
        if (mode == 1) {
            sender = _other(owner, modeSeed >> 2);
            controller = _actor(modeSeed >> 8);
            if (!pool.isOperator(owner, sender)) {
                vm.prank(owner);
                pool.setOperator(sender, true);
            }
            statDelegatedRequests++;
        } else if (mode == 2) {
            sender = _other(owner, modeSeed >> 2);
            controller = (modeSeed >> 8) % 2 == 0 ? sender : owner;
            vm.prank(owner);
            pool.approve(sender, shares);
            statDelegatedRequests++;
        }
        vm.prank(sender);
        try pool.requestRedeem(shares, controller, owner) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
        if (mode == 2 && pool.allowance(owner, sender) != 0 && !pool.isOperator(owner, sender)) {
            _unexpected("allowance not spent by requestRedeem");
        }
    }

    /// The controller, or sometimes an actor it made its operator.
    function _controllerOrOperator(address controller, uint256 seed) internal view returns (address) {
        if (seed % 2 == 0) return controller;
        for (uint256 k = 0; k < N_ACTORS; k++) {
            address o = _actors[k];
            if (o != controller && pool.isOperator(controller, o)) return o;
        }
        return controller;
    }

    /// Cancels (ERC-7887, synchronous) the first request, from a seeded starting point, with pending shares.
    /// Open while paused.
    function cancelRedeemRequest(uint256 seed) external track("cancelRedeemRequest") {
        uint256 n = pool.redeemRequestCount();
        if (n == 0) return;
        for (uint256 k = 0; k < n; k++) {
            uint256 id = (seed % n + k) % n + 1;
            PoolStorage.Request memory r = pool.redeemRequest(id);
            if (r.pendingShares == 0) continue;
            uint256 lockedBefore = pool.lockedShares(r.owner);
            vm.prank(_controllerOrOperator(r.controller, seed >> 8));
            try pool.cancelRedeemRequest(id, r.controller) {
                statCancels++;
                if (pool.lockedShares(r.owner) != lockedBefore - r.pendingShares) {
                    _unexpected("cancel did not unlock the pending shares");
                }
            } catch (bytes memory err) {
                _unexpected(err);
            }
            return;
        }
    }

    /// Claims (all, or part by shares or by assets) the filled redemptions of the first controller, from a seeded
    /// starting point, that has some. Open while paused.
    function claimRedemption(uint256 seed, uint256 receiverSeed, uint256 amount) external track("claimRedemption") {
        (address controller,) = _actorWith(seed, this.claimableRedemptionShares);
        (uint128 cs, uint128 ca) = pool.claimableRedemption(controller);
        if (cs == 0) return;
        address receiver = _actor(receiverSeed);
        address caller = _controllerOrOperator(controller, seed >> 8);
        uint256 mode = amount % 3;
        uint256 reservedBefore = pool.reservedForRedemptions();
        uint256 paid;
        bool ok;
        bytes memory err;
        if (mode == 2 && ca > 0) {
            uint256 assets = _bound(amount >> 2, 1, ca);
            vm.prank(caller);
            try pool.withdraw(assets, receiver, controller) returns (uint256) {
                (ok, paid) = (true, assets);
            } catch (bytes memory e) {
                err = e;
            }
        } else {
            uint256 shares = mode == 1 ? _bound(amount >> 2, 1, cs) : cs;
            vm.prank(caller);
            try pool.redeem(shares, receiver, controller) returns (uint256 assets) {
                (ok, paid) = (true, assets);
            } catch (bytes memory e) {
                err = e;
            }
        }
        if (!ok) {
            _unexpected(err);
            return;
        }
        ghostRedemptionClaimed += paid;
        if (pool.reservedForRedemptions() != reservedBefore - paid) _unexpected("claim did not release its assets");
        (uint128 csAfter, uint128 caAfter) = pool.claimableRedemption(controller);
        // A partial claim must never leave assets behind that no share can claim any more.
        if (csAfter == 0 && caAfter > 0) _unexpected("claim stranded reserved assets");
    }

    function fillRedemptions(uint256 callerSeed, uint256 maxRequests) external track("fillRedemptions") {
        if (pool.paused()) return; // documented: no fills while paused
        uint256 n = pool.redeemRequestCount();
        maxRequests = _bound(maxRequests, 1, n + 2);
        vm.prank(_actor(callerSeed));
        try pool.fillRedemptions(maxRequests) {}
        catch (bytes memory err) {
            _unexpected(err);
            return;
        }
        // Liveness: with room for every request, whatever is still pending must need more than idle.
        uint256 head = pool.queueHead();
        if (maxRequests >= n && head != 0) {
            uint256 pending = pool.redeemRequest(head).pendingShares;
            if (pending > 0 && pool.previewRedeem(pending) + 1 < pool.idle()) fillStalled = true;
        }
    }
}
