// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {TranchedPool} from "../../src/tranche/TranchedPool.sol";
import {TrancheVault} from "../../src/tranche/TrancheVault.sol";
import {TranchedPoolFixture} from "./TranchedPoolFixture.sol";

/// @notice Drives a tranched pool through random deposits, exits, transfers, claims, capital moves, provisions,
/// write-downs, recoveries, distributions and time, and records what each step must not break.
contract TranchedPoolHandler is Test {
    uint256 constant USDC = 1e6;
    TranchedPool public pool;
    TrancheVault public senior;
    TrancheVault public junior;
    MockUSDC public usdc;
    address public admin;
    address public manager;
    address public reporter;
    address public treasury;
    uint256 public impaired; // an asset marked Impaired: provisions, write-downs, recoveries
    uint256 public healthy; // an asset capital is deployed to and repaid from
    address[] public actors;
    uint256 public clock = 1_800_000_000;

    bool public seniorLostOnlyAfterJunior = true;
    bool public splitsAddUp = true;
    bool public subordinationHeld = true;
    uint256 public distributions;

    constructor(TranchedPoolInvariants f, address[] memory actors_) {
        pool = f.poolOf();
        senior = f.seniorOf();
        junior = f.juniorOf();
        usdc = f.usdcOf();
        (admin, manager, reporter, treasury) = f.rolesOf();
        (impaired, healthy) = f.assetsOf();
        actors = actors_;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _tick(uint256 seconds_) internal {
        clock += bound(seconds_, 0, 20 days);
        vm.warp(clock);
    }

    function _subordinationOk() internal view returns (bool) {
        return pool.juniorValue() * 10_000 >= uint256(pool.minSubordinationBps()) * pool.totalValue();
    }

    function depositSenior(uint256 who, uint256 assets, uint256 wait) external {
        _tick(wait);
        uint256 room = senior.maxDeposit(_actor(who));
        if (room < USDC) return;
        assets = bound(assets, USDC, room < 3_000_000 * USDC ? room : 3_000_000 * USDC);
        vm.prank(_actor(who));
        senior.deposit(assets, _actor(who));
        if (!_subordinationOk()) subordinationHeld = false;
    }

    function depositJunior(uint256 who, uint256 assets, uint256 wait) external {
        _tick(wait);
        assets = bound(assets, USDC, 1_000_000 * USDC);
        if (assets > junior.maxDeposit(_actor(who))) return;
        vm.prank(_actor(who));
        junior.deposit(assets, _actor(who));
    }

    function redeem(bool fromSenior, uint256 who, uint256 fraction, uint256 wait) external {
        _tick(wait);
        TrancheVault vault = fromSenior ? senior : junior;
        address a = _actor(who);
        uint256 max = vault.maxRedeem(a);
        if (max == 0) return;
        uint256 shares = max * bound(fraction, 1, 10_000) / 10_000;
        if (shares == 0 || vault.previewRedeem(shares) == 0) return;
        uint256 juniorBefore = pool.juniorValue();
        vm.prank(a);
        vault.redeem(shares, a, a);
        // A junior exit (not the claim of a fill, which moves no value) must leave the minimum in place.
        if (pool.juniorValue() < juniorBefore && !_subordinationOk()) subordinationHeld = false;
    }

    function transfer(bool ofSenior, uint256 from, uint256 to, uint256 fraction) external {
        TrancheVault vault = ofSenior ? senior : junior;
        uint256 shares = vault.balanceOf(_actor(from)) * bound(fraction, 0, 10_000) / 10_000;
        vm.prank(_actor(from));
        vault.transfer(_actor(to), shares);
    }

    function claim(bool ofSenior, uint256 who) external {
        TrancheVault vault = ofSenior ? senior : junior;
        address a = _actor(who);
        if (vault.claimableRevenue(a) == 0) return;
        vm.prank(a);
        vault.claim(a);
    }

    function deploy(uint256 amount) external {
        amount = bound(amount, 0, pool.idle());
        if (amount == 0) return;
        vm.prank(manager);
        pool.deployCapital(healthy, amount);
    }

    function repay(uint256 amount) external {
        amount = bound(amount, 0, pool.outstandingOf(healthy));
        if (amount == 0) return;
        vm.prank(manager);
        pool.recordRepayment(healthy, amount);
    }

    /// @dev Raises (manager) or lowers (admin) the impaired asset's provision, or writes part of it off.
    function provision(uint256 target, bool writeOff, uint256 wait) external {
        _tick(wait);
        uint256 outstanding = pool.outstandingOf(impaired);
        (,,,, uint128 current,) = pool.assetCapital(impaired);
        uint256 juniorBefore = pool.juniorValue();
        uint256 seniorBefore = pool.seniorValue();
        if (writeOff) {
            if (current == 0) return;
            uint256 amount = bound(target, 1, current);
            vm.prank(manager);
            pool.recordWriteDown(impaired, amount);
            return;
        }
        target = bound(target, 0, outstanding);
        if (target == current) return;
        vm.prank(target > current ? manager : admin);
        pool.markImpairment(impaired, target);
        if (pool.seniorValue() < seniorBefore && (pool.juniorValue() != 0 || juniorBefore > target - current)) {
            seniorLostOnlyAfterJunior = false;
        }
    }

    function recover(uint256 amount) external {
        (,, uint128 writtenDown, uint128 recovered,,) = pool.assetCapital(impaired);
        amount = bound(amount, 0, writtenDown - recovered);
        if (amount == 0) return;
        vm.prank(manager);
        pool.recordRecovery(impaired, amount);
    }

    function distribute(uint256 amount, uint256 wait) external {
        _tick(wait);
        amount = bound(amount, USDC, 500_000 * USDC);
        uint256 before = usdc.balanceOf(treasury) + usdc.balanceOf(address(senior)) + usdc.balanceOf(address(junior));
        TranchedPool.Distribution[] memory ds = new TranchedPool.Distribution[](1);
        ds[0] = TranchedPool.Distribution(healthy, amount, uint64(clock - 1 days), uint64(clock));
        vm.prank(reporter);
        pool.distributeRevenue(ds);
        uint256 after_ = usdc.balanceOf(treasury) + usdc.balanceOf(address(senior)) + usdc.balanceOf(address(junior));
        if (after_ - before != amount) splitsAddUp = false;
        distributions++;
    }

    uint256[] internal _seniorRequests;
    uint256[] internal _juniorRequests;

    function requestRedeem(bool fromSenior, uint256 who, uint256 fraction) external {
        TrancheVault vault = fromSenior ? senior : junior;
        address a = _actor(who);
        uint256 shares = vault.unlockedShares(a) * bound(fraction, 0, 10_000) / 10_000;
        if (shares == 0) return;
        vm.prank(a);
        uint256 id = vault.requestRedeem(shares, a, a);
        (fromSenior ? _seniorRequests : _juniorRequests).push(id);
    }

    function fill(bool fromSenior, uint256 max) external {
        TrancheVault vault = fromSenior ? senior : junior;
        uint256 juniorBefore = pool.juniorValue();
        vault.fillRedemptions(bound(max, 1, 5));
        if (pool.juniorValue() < juniorBefore && !_subordinationOk()) subordinationHeld = false;
    }

    function cancel(bool fromSenior, uint256 pick) external {
        uint256[] storage ids = fromSenior ? _seniorRequests : _juniorRequests;
        if (ids.length == 0) return;
        TrancheVault vault = fromSenior ? senior : junior;
        uint256 id = ids[pick % ids.length];
        TrancheVault.Request memory r = vault.redeemRequest(id);
        if (r.pendingShares == 0) return;
        vm.prank(r.controller);
        vault.cancelRedeemRequest(id, r.controller);
    }

    function claimRedemption(bool fromSenior, uint256 who) external {
        TrancheVault vault = fromSenior ? senior : junior;
        address a = _actor(who);
        (uint256 shares,) = vault.claimableRedemption(a);
        if (shares == 0) return;
        vm.prank(a);
        vault.redeem(shares, a, a);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }
}

contract TranchedPoolInvariants is StdInvariant, TranchedPoolFixture {
    TranchedPoolHandler handler;
    address[] internal investors;

    function poolOf() external view returns (TranchedPool) {
        return pool;
    }

    function seniorOf() external view returns (TrancheVault) {
        return senior;
    }

    function juniorOf() external view returns (TrancheVault) {
        return junior;
    }

    function usdcOf() external view returns (MockUSDC) {
        return usdc;
    }

    function rolesOf() external view returns (address, address, address, address) {
        return (admin, manager, reporter, treasury);
    }

    function assetsOf() external view returns (uint256, uint256) {
        return (assetA, assetB);
    }

    function setUp() public override {
        super.setUp();
        investors.push(alice);
        investors.push(bob);
        investors.push(carol);
        _deposit(junior, alice, 2_000_000 * USDC);
        _deposit(senior, bob, 5_000_000 * USDC);
        vm.startPrank(manager);
        pool.deployCapital(assetA, 3_000_000 * USDC);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.stopPrank();
        handler = new TranchedPoolHandler(this, investors);
        targetContract(address(handler));
    }

    function invariant_thePoolHoldsExactlyItsIdleCash() public view {
        assertEq(usdc.balanceOf(address(pool)), pool.idle());
    }

    function invariant_theTranchesAreTheWholePool() public view {
        assertEq(pool.seniorValue() + pool.juniorValue(), pool.totalValue());
        assertLe(senior.convertToAssets(senior.totalSupply()), pool.seniorValue());
        assertLe(junior.convertToAssets(junior.totalSupply()), pool.juniorValue());
    }

    function invariant_eachVaultOwesNoMoreThanItHolds() public view {
        TrancheVault[2] memory vaults = [senior, junior];
        for (uint256 v = 0; v < 2; v++) {
            assertGe(
                usdc.balanceOf(address(vaults[v])),
                vaults[v].revenueHeld() + vaults[v].reservedForRedemptions(),
                "revenue owed and filled exits, held"
            );
            uint256 locked;
            uint256 claimable;
            for (uint256 i = 0; i < investors.length; i++) {
                locked += vaults[v].lockedShares(investors[i]);
                assertLe(vaults[v].lockedShares(investors[i]), vaults[v].balanceOf(investors[i]));
                (, uint256 assets) = vaults[v].claimableRedemption(investors[i]);
                claimable += assets;
            }
            assertEq(locked, vaults[v].pendingRedeemShares(), "every queued share is locked with its owner");
            assertEq(claimable, vaults[v].reservedForRedemptions());
            uint256 owed;
            for (uint256 i = 0; i < investors.length; i++) {
                owed += vaults[v].claimableRevenue(investors[i]);
            }
            assertLe(owed, vaults[v].revenueHeld());
        }
    }

    function invariant_seniorLosesOnlyOnceJuniorIsGone() public view {
        assertTrue(handler.seniorLostOnlyAfterJunior());
        if (pool.seniorLoss() > 0) assertTrue(pool.juniorValue() == 0 || junior.totalSupply() > 0);
    }

    function invariant_everyDistributionIsFeeSeniorAndJuniorToTheBaseUnit() public view {
        assertTrue(handler.splitsAddUp());
    }

    function invariant_subordinationHoldsAfterEverySeniorDepositAndJuniorExit() public view {
        assertTrue(handler.subordinationHeld());
    }
}
