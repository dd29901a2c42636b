// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolHandlerBase} from "./PoolHandlerBase.sol";

/// @notice PoolHandler's depositors: deposits (with and without permit), mints, instant exits, transfers.
abstract contract PoolHandlerDepositors is PoolHandlerBase {
    // ─── Depositors ────────────────────────────────────────────────────────────────────────────────────

    function _depositBound(address receiver, uint256 amountSeed) internal view returns (uint256 assets) {
        if (pool.totalSupply() > SUPPLY_CEILING) return 0;
        uint256 maxDep = pool.maxDeposit(receiver);
        uint256 minDep = pool.minDeposit();
        if (maxDep > MAX_DEPOSIT) maxDep = MAX_DEPOSIT;
        if (maxDep < minDep || maxDep == 0) return 0;
        assets = _bound(amountSeed, minDep, maxDep);
        if (pool.previewDeposit(assets) == 0) return 0;
    }

    function deposit(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("deposit") {
        address a = _actor(actorSeed);
        address receiver = _actor(receiverSeed);
        uint256 assets = _depositBound(receiver, amount);
        if (assets == 0) return;
        usdc.mint(a, assets);
        uint256 expected = pool.previewDeposit(assets);
        vm.prank(a);
        try pool.deposit(assets, receiver) returns (uint256 shares) {
            ghostDeposited += assets;
            if (shares != expected) _mismatch();
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// EIP-2612 permit + deposit; sometimes the permit was already used (front-run), which the pool tolerates when
    /// the allowance is there.
    function depositWithPermit(uint256 actorSeed, uint256 receiverSeed, uint256 amount, bool frontRun)
        external
        track("depositWithPermit")
    {
        uint256 idx = actorSeed % N_ACTORS;
        address a = _actors[idx];
        address receiver = _actor(receiverSeed);
        uint256 assets = _depositBound(receiver, amount);
        if (assets == 0) return;
        usdc.mint(a, assets);
        // Drop the standing infinite approval so the permit is what authorises the pull.
        vm.prank(a);
        usdc.approve(address(pool), 0);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, a, address(pool), assets, usdc.nonces(a), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[idx], digest);
        if (frontRun) usdc.permit(a, address(pool), assets, deadline, v, r, s);
        vm.prank(a);
        try pool.depositWithPermit(assets, receiver, deadline, v, r, s) {
            ghostDeposited += assets;
        } catch (bytes memory err) {
            _unexpected(err);
        }
        vm.prank(a);
        usdc.approve(address(pool), type(uint256).max);
    }

    function mint(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("mint") {
        address a = _actor(actorSeed);
        address receiver = _actor(receiverSeed);
        uint256 target = _depositBound(receiver, amount);
        if (target == 0) return;
        uint256 shares = pool.previewDeposit(target);
        uint256 assets = pool.previewMint(shares);
        if (shares == 0 || assets < pool.minDeposit() || assets > pool.maxDeposit(receiver)) return;
        usdc.mint(a, assets);
        vm.prank(a);
        try pool.mint(shares, receiver) returns (uint256 paid) {
            ghostDeposited += paid;
            if (paid != assets) _mismatch();
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function withdraw(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("withdraw") {
        (address a, uint256 max) = _actorWith(actorSeed, this.instantMaxWithdraw);
        address receiver = _actor(receiverSeed);
        if (max == 0) return;
        uint256 assets = _bound(amount, 1, max);
        uint256 expected = pool.previewWithdraw(assets);
        vm.prank(a);
        try pool.withdraw(assets, receiver, a) returns (uint256 burned) {
            ghostInstantWithdrawn += assets;
            if (burned != expected) _mismatch();
            statInstantExits++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function redeem(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("redeem") {
        (address a, uint256 max) = _actorWith(actorSeed, this.instantMaxRedeem);
        address receiver = _actor(receiverSeed);
        if (max == 0) return;
        uint256 shares = _bound(amount, 1, max);
        uint256 expected = pool.previewRedeem(shares);
        if (expected == 0) return; // dust: OZ would burn for nothing, skip
        vm.prank(a);
        try pool.redeem(shares, receiver, a) returns (uint256 assets) {
            ghostInstantWithdrawn += assets;
            if (assets != expected) _mismatch();
            statInstantExits++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function transferShares(uint256 fromSeed, uint256 toSeed, uint256 amount) external track("transferShares") {
        if (pool.paused()) return; // documented: no transfers while paused
        (address from, uint256 max) = _actorWith(fromSeed, pool.unlockedShares);
        address to = _actor(toSeed);
        if (max == 0) return;
        uint256 shares = _bound(amount, 1, max);
        vm.prank(from);
        try pool.transfer(to, shares) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }
}
